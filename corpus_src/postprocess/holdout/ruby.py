"""Held-out post-processing cases for Ruby."""

from _cases import Cases

case = Cases("ruby", "lib/stock.rb")

CASES = [
    case.fix("overlap_close", "holdout-select-block",
        "def low(items)\n  items.select { |i| █ }\nend\n",
        raw="i.qty < 5 }", want="i.qty < 5"),
    case.keep("scope", "holdout-case-when",
        "def label(status)\n  case status█\n",
        raw="\n  when :open then \"open\"\n  else \"closed\"\n  end\nend"),
    case.fix("duplicate_below", "holdout-end-and-next-def",
        "class Shelf\n  def empty?\n    █\n  end\n\n  def full?\n    items.size >= 10\n  end\nend\n",
        raw="items.empty?\n  end\n\n  def full?\n    items.size >= 10\n  end",
        want="items.empty?"),
    case.keep("repetition", "holdout-attr-readers",
        "class Product\n  █\nend\n",
        raw="attr_reader :id\n  attr_reader :name\n  attr_reader :qty"),
    case.fix("whitespace", "holdout-trailing-space-after-block",
        "def names(items)\n  █\nend\n",
        raw="items.map(&:name)  \n", want="items.map(&:name)"),
]
