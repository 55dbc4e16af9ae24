"""A TLS reverse proxy in front of the mock, with a throwaway CA, for the TLS settings tests.

The mock speaks plain HTTP; these fronts terminate TLS with a certificate for 127.0.0.1 signed
by a CA made for the test, and rewrite `direct_access`'s `base_url` so that the direct route
goes through TLS too.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import ipaddress
import json
import socket
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

_HOP_HEADERS = {"content-length", "transfer-encoding", "content-encoding", "connection"}


@dataclass(frozen=True)
class Certificates:
    ca: Path
    server_cert: Path
    server_key: Path
    client_cert: Path
    client_key: Path


def _write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> Path:
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return path


def _leaf(
    ca_key: ec.EllipticCurvePrivateKey, ca_name: x509.Name, name: str, server: bool
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    now = dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.SERVER_AUTH if server else ExtendedKeyUsageOID.CLIENT_AUTH]
            ),
            critical=False,
        )
    )
    if server:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(name))]),
            critical=False,
        )
    return builder.sign(ca_key, hashes.SHA256()), key


def make_certificates(directory: Path) -> Certificates:
    """A CA, a server certificate for 127.0.0.1 and a client certificate, as PEM files."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "gitlab-lsp test CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    server, server_key = _leaf(ca_key, ca_name, "127.0.0.1", server=True)
    client, client_key = _leaf(ca_key, ca_name, "gitlab-lsp test client", server=False)
    pem = serialization.Encoding.PEM
    (directory / "ca.pem").write_bytes(ca_cert.public_bytes(pem))
    (directory / "server.pem").write_bytes(server.public_bytes(pem))
    (directory / "client.pem").write_bytes(client.public_bytes(pem))
    return Certificates(
        ca=directory / "ca.pem",
        server_cert=directory / "server.pem",
        server_key=_write_key(directory / "server-key.pem", server_key),
        client_cert=directory / "client.pem",
        client_key=_write_key(directory / "client-key.pem", client_key),
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class TlsFront:
    """Forwards every request to `target`; records the paths it served."""

    def __init__(self, target: str, certs: Certificates, *, require_client_cert: bool) -> None:
        self.target = target
        self.port = _free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.seen: list[str] = []
        self.rewrite_base_url: str | None = None
        self._upstream = httpx.AsyncClient(trust_env=False)
        app = Starlette(
            routes=[Route("/{path:path}", self._forward, methods=["GET", "POST", "PUT"])]
        )
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            ssl_certfile=str(certs.server_cert),
            ssl_keyfile=str(certs.server_key),
            ssl_ca_certs=str(certs.ca),
            ssl_cert_reqs=ssl.CERT_REQUIRED if require_client_cert else ssl.CERT_NONE,
            log_level="critical",
            lifespan="off",
        )
        self._server = uvicorn.Server(config)
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._server.serve())
        while not self._server.started:
            await asyncio.sleep(0.01)

    async def stop(self) -> None:
        self._server.should_exit = True
        if self._task is not None:
            await self._task
        await self._upstream.aclose()

    async def _forward(self, request: Request) -> Response:
        self.seen.append(f"{request.method} {request.url.path}")
        url = self.target + request.url.path
        if request.url.query:
            url += "?" + request.url.query
        headers = {k: v for k, v in request.headers.items() if k not in ("host", "content-length")}
        answer = await self._upstream.request(
            request.method, url, headers=headers, content=await request.body()
        )
        content = answer.content
        if self.rewrite_base_url and request.url.path.endswith("/direct_access"):
            body = answer.json()
            body["base_url"] = self.rewrite_base_url
            content = json.dumps(body).encode()
        passed = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP_HEADERS}
        return Response(content, status_code=answer.status_code, headers=passed)


class Fronts:
    """A TLS front for the instance and one for the AI gateway, sharing one test CA."""

    def __init__(self, instance: TlsFront, cloud: TlsFront, certs: Certificates) -> None:
        self.instance, self.cloud, self.certs = instance, cloud, certs
        self.ca = certs.ca

    async def stop(self) -> None:
        await self.instance.stop()
        await self.cloud.stop()


@contextlib.asynccontextmanager
async def serving_fronts(
    instance_url: str, cloud_url: str, directory: Path, *, mutual: bool
) -> AsyncIterator[Fronts]:
    """Fronts on the running loop; `mutual` makes both require a client certificate."""
    certs = make_certificates(directory)
    cloud = TlsFront(cloud_url, certs, require_client_cert=mutual)
    instance = TlsFront(instance_url, certs, require_client_cert=mutual)
    instance.rewrite_base_url = f"{cloud.url}/ai"
    await cloud.start()
    await instance.start()
    pair = Fronts(instance, cloud, certs)
    try:
        yield pair
    finally:
        await pair.stop()
