"""Labelled intent cases for Terraform / HCL (corpus part B), LSP languageId `terraform`.

Comment syntaxes: `#`, `//`, `/* */`. HCL has no user-defined functions, so every empty
block (resource, variable, dynamic content, locals) falls through to completion. There are no
empty-function or docstring cases: HCL has neither functions nor doc comments.
"""

from _helpers import Cases, crlf

case = Cases("terraform")


CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/top-level",
        "infra/storage.tf",
        r"""resource "aws_kms_key" "logs" {
  description             = "Key for the log bucket"
  deletion_window_in_days = 10
  enable_key_rotation     = true
}

# an S3 bucket for access logs, encrypted with the KMS key above, versioning on
█
""",
        "an S3 bucket for access logs, encrypted with the KMS key above, versioning on",
    ),
    case.comment(
        "comment/inside-resource",
        "infra/network.tf",
        r"""resource "aws_security_group" "web" {
  name        = "web"
  description = "Web servers"
  vpc_id      = aws_vpc.main.id

  // allow HTTPS from anywhere and SSH only from the office CIDR
  █
}
""",
        "allow HTTPS from anywhere and SSH only from the office CIDR",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/hash-lines",
        "modules/vpc/subnets.tf",
        r"""resource "aws_vpc" "main" {
  cidr_block           = var.cidr
  enable_dns_hostnames = true

  tags = { Name = var.name }
}

# One private subnet per availability zone in var.azs.
# Carve the CIDRs out of var.cidr with cidrsubnet, 8 extra bits,
# and tag each subnet with its zone.
█
""",
        "One private subnet per availability zone in var.azs.\n"
        "Carve the CIDRs out of var.cidr with cidrsubnet, 8 extra bits,\n"
        "and tag each subnet with its zone.",
    ),
    case.comment(
        "multiline-comment/block-comment",
        "infra/dns.tf",
        r"""data "aws_route53_zone" "primary" {
  name         = "acme.test."
  private_zone = false
}

locals {
  api_host = "api.${data.aws_route53_zone.primary.name}"
}

/*
  An A alias record for the API pointing at the load balancer,
  with health checks evaluated on the target.
*/
█
""",
        "An A alias record for the API pointing at the load balancer,\n"
        "with health checks evaluated on the target.",
    ),
    # --- non-english -------------------------------------------------------------------------
    case.comment(
        "non-english/japanese",
        "infra/compute.tf",
        r"""data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]

  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"]
  }
}

# 上記の AMI を使って t3.small の EC2 インスタンスを作成し、パブリック IP を付与する
█
""",
        "上記の AMI を使って t3.small の EC2 インスタンスを作成し、パブリック IP を付与する",
    ),
    case.comment(
        "non-english/polish",
        "infra/monitoring.tf",
        r"""resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic_subscription" "email" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = var.oncall_email
}

# alarm CloudWatch, gdy użycie CPU przekroczy 80% przez 10 minut
█
""",
        "alarm CloudWatch, gdy użycie CPU przekroczy 80% przez 10 minut",
    ),
    # --- on-comment ------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "infra/variables.tf",
        r"""variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "environment" {
  type = string
}

# the instance type used by the web autoscaling█
""",
    ),
    case.completion(
        "on-comment/start-of-comment",
        "infra/variables.tf",
        r"""variable "region" {
  type    = string
  default = "eu-central-1"
}

█# the deployment environment, e.g. staging or production
variable "environment" {
  type = string
}
""",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "infra/database.tf",
        r"""resource "aws_db_instance" "main" {
  identifier        = "shop"
  engine            = "postgres"
  engine_version    = "16.2"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50█ # GiB
  multi_az          = true
}
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/disabled-attributes",
        "infra/cache.tf",
        r"""resource "aws_elasticache_cluster" "sessions" {
  cluster_id      = "sessions"
  engine          = "redis"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
  # num_cache_nodes = 3
  # parameter_group_name = "default.redis7"

  █
}
""",
    ),
    case.completion(
        "commented-out-code/disabled-resource",
        "infra/cache.tf",
        r"""resource "aws_elasticache_subnet_group" "sessions" {
  name       = "sessions"
  subnet_ids = aws_subnet.private[*].id
}

output "sessions_subnet_group" {
  value = aws_elasticache_subnet_group.sessions.name
}

# resource "aws_elasticache_cluster" "legacy" {
#   cluster_id = "legacy"
# }
█
""",
        note="a commented-out resource block, closing brace included (rule 3)",
    ),
    # --- directive -------------------------------------------------------------------------
    case.completion(
        "directive/tfsec-ignore",
        "infra/buckets.tf",
        r"""resource "aws_s3_bucket" "assets" {
  bucket = "acme-shop-assets"
}

resource "aws_s3_bucket_versioning" "assets" {
  bucket = aws_s3_bucket.assets.id
  versioning_configuration {
    status = "Enabled"
  }
}

# tfsec:ignore:aws-s3-enable-bucket-logging
█
""",
    ),
    case.completion(
        "directive/checkov-skip",
        "infra/buckets.tf",
        r"""resource "aws_s3_bucket" "public_site" {
  bucket = "acme-shop-site"
  #checkov:skip=CKV_AWS_18:Access logging is done by CloudFront
  █
  tags = {
    Team = "web"
  }
}
""",
    ),
    case.completion(
        "directive/tflint-ignore",
        "infra/variables.tf",
        r"""variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "owner" {
  type = string
}

# tflint-ignore: terraform_unused_declarations
█
""",
    ),
    # --- header ----------------------------------------------------------------------------
    case.completion(
        "header/license",
        "modules/vpc/main.tf",
        r"""# Copyright (c) Acme Platform Team
# SPDX-License-Identifier: MPL-2.0

█
terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}
""",
    ),
    case.completion(
        "header/vim-modeline",
        "infra/main.tf",
        r"""# vim: set ft=terraform ts=2 sw=2 et:
█
module "vpc" {
  source = "./modules/vpc"
  name   = "shop"
  cidr   = "10.20.0.0/16"
  azs    = ["eu-central-1a", "eu-central-1b"]
}
""",
    ),
    # --- separator -------------------------------------------------------------------------
    case.completion(
        "separator/hashes",
        "infra/outputs.tf",
        r"""output "vpc_id" {
  value = aws_vpc.main.id
}

output "private_subnet_ids" {
  value = aws_subnet.private[*].id
}

###############################################################################
█
""",
    ),
    # --- short-comment ---------------------------------------------------------------------
    case.completion(
        "short-comment/s3",
        "infra/outputs.tf",
        r"""output "vpc_id" {
  value = aws_vpc.main.id
}

output "private_subnet_ids" {
  value = aws_subnet.private[*].id
}

# s3
█
""",
    ),
    # --- empty-block -----------------------------------------------------------------------
    case.completion(
        "empty-block/resource",
        "infra/iam.tf",
        r"""data "aws_iam_policy_document" "assume_ec2" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "web" {
  █
}
""",
        note="HCL has no functions: an empty block is never an empty function",
    ),
    case.completion(
        "empty-block/dynamic-content",
        "modules/sg/main.tf",
        r"""resource "aws_security_group" "this" {
  name   = var.name
  vpc_id = var.vpc_id

  dynamic "ingress" {
    for_each = var.ingress_ports
    content {
      █
    }
  }
}
""",
    ),
    case.completion(
        "empty-block/variable",
        "modules/sg/variables.tf",
        r"""variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "ingress_ports" {
█
}
""",
    ),
    # --- small-file ------------------------------------------------------------------------
    case.small_file(
        "small-file/provider-only",
        "infra/providers.tf",
        r"""provider "aws" {
  region = var.region
}
█
""",
    ),
    case.small_file(
        "small-file/comment-heavy",
        "infra/backend.tf",
        r"""# State lives in the shared bucket managed by the platform team.
# Each environment uses its own key; pass it with -backend-config.
# Never run apply against production from a laptop.

terraform {
  backend "s3" {}
}
█
""",
    ),
    case.small_file(
        "small-file/empty-file-with-directive",
        "infra/locals.tf",
        r"""# tflint-ignore-file: terraform_naming_convention

locals {
█
}
""",
        note="the directive is not an instruction, so rule 4 decides",
    ),
    # --- completion ------------------------------------------------------------------------
    case.completion(
        "completion/reference-after-dot",
        "infra/compute.tf",
        r"""resource "aws_instance" "web" {
  ami                    = data.aws_ami.ubuntu.id
  instance_type          = var.instance_type
  subnet_id              = aws_subnet.private[0].id
  vpc_security_group_ids = [aws_security_group.web.█]

  tags = {
    Name = "web"
  }
}
""",
    ),
    case.completion(
        "completion/function-argument",
        "modules/vpc/subnets.tf",
        r"""resource "aws_subnet" "public" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(var.cidr, 8, █)

  map_public_ip_on_launch = true
}
""",
    ),
    # --- scope -----------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-block",
        "infra/lb.tf",
        r"""resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = aws_subnet.public[*].id
  # enable deletion protection in production
}
█

output "lb_dns_name" {
  value = aws_lb.web.dns_name
}
""",
    ),
    case.completion(
        "scope/comment-then-attribute",
        "infra/lb.tf",
        r"""resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 80
  protocol = "HTTP"
  # health check on the readiness endpoint
  vpc_id   = aws_vpc.main.id

  █
}
""",
    ),
    # --- unicode ---------------------------------------------------------------------------
    case.completion(
        "unicode/cjk-tag",
        "infra/tags.tf",
        r"""locals {
  common_tags = {
    Project     = "shop"
    Owner       = "platform"
    CostCenter  = "1234"
    Description = "🛍️ 网店 基础设施"█
    Environment = var.environment
  }
}
""",
        note="cursor at the end of a line holding an emoji with a variation selector and CJK",
    ),
    case.completion(
        "unicode/emoji-same-line",
        "infra/tags.tf",
        r"""resource "aws_s3_bucket" "media" {
  bucket = "acme-media"

  tags = {
    Team  = "media"
    Notes = "📦 médias — ${var.environment█}"
  }
}
""",
    ),
    # --- crlf ------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "infra/queues.tf",
        crlf(
            r"""resource "aws_sqs_queue" "orders_dlq" {
  name                      = "orders-dlq"
  message_retention_seconds = 1209600
}

# the orders queue, sending messages to the DLQ after 5 failed receives
█
"""
        ),
        "the orders queue, sending messages to the DLQ after 5 failed receives",
    ),
    # --- edge cases --------------------------------------------------------------------------
    case.comment(
        "directive/with-prose",
        "infra/buckets.tf",
        r"""resource "aws_s3_bucket" "uploads" {
  bucket = "acme-shop-uploads"
}

resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket                  = aws_s3_bucket.uploads.id
  block_public_acls       = true
  block_public_policy     = true
}

# tfsec:ignore:aws-s3-enable-bucket-logging
# a lifecycle rule that moves uploads to Glacier after 90 days
█
""",
        "a lifecycle rule that moves uploads to Glacier after 90 days",
        note="the tfsec directive line is dropped from the block",
    ),
    case.small_file(
        "separator/around-instruction",
        "infra/iam.tf",
        r"""resource "aws_iam_role" "ci" {
  name               = "ci"
  assume_role_policy = data.aws_iam_policy_document.assume_ci.json
}

# -----------------------------------------------------------------------------
# a policy letting the ci role push images to the shop ECR repository
# -----------------------------------------------------------------------------
█
""",
        note="team precision 2 (rule 2): the block's last line is a separator (no letter or digit), an empty comment, so no instruction lies directly above the cursor; rule 4 then applies",
    ),
    case.comment(
        "small-file/comment-wins",
        "infra/versions.tf",
        r"""// require terraform 1.6 or newer and the aws provider 5.x
█
""",
        "require terraform 1.6 or newer and the aws provider 5.x",
        note="a small file, but rule 2 comes before rule 4",
    ),
    case.completion(
        "on-comment/inside-block-comment",
        "infra/variables.tf",
        r"""variable "region" {
  type    = string
  default = "eu-central-1"
}

/* The environment name is used in every
   resource name and█ tag. */
variable "environment" {
  type = string
}
""",
    ),
]
