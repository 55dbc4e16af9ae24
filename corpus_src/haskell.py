"""Labelled intent cases for Haskell (corpus part B).

Comment syntaxes: `--`, `{- -}`, haddock `-- |` (the marker is comment syntax). `{-# ... #-}`
pragmas are compiler directives. A function with no statements is an equation with an empty
right-hand side or an empty `do` block; `instance`/`class` bodies are not function bodies.
"""

from _helpers import Cases, crlf

case = Cases("haskell")


CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/top-level",
        "src/Shop/Pricing.hs",
        r"""module Shop.Pricing (netToGross, applyDiscount) where

import Data.Ratio ((%))

vatRate :: Rational
vatRate = 19 % 100

netToGross :: Rational -> Rational
netToGross net = net * (1 + vatRate)

-- apply a percentage discount to a price, never going below zero
█
""",
        "apply a percentage discount to a price, never going below zero",
    ),
    case.comment(
        "comment/inside-do",
        "app/Main.hs",
        r"""module Main (main) where

import qualified Data.Text.IO as T
import System.Environment (getArgs)
import Shop.Report (renderReport)

main :: IO ()
main = do
  args <- getArgs
  -- read the CSV file named by the first argument and print the rendered report

  █
""",
        "read the CSV file named by the first argument and print the rendered report",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "src/Shop/Inventory.hs",
        r"""module Shop.Inventory where

import qualified Data.Map.Strict as Map

type Sku = String
type Stock = Map.Map Sku Int

-- Reserve qty units of the sku.
-- Return Left with an error message when the stock is too low,
-- otherwise Right with the updated stock map.
█
""",
        "Reserve qty units of the sku.\n"
        "Return Left with an error message when the stock is too low,\n"
        "otherwise Right with the updated stock map.",
    ),
    case.comment(
        "multiline-comment/block-comment",
        "src/Shop/Parser.hs",
        r"""module Shop.Parser where

import Data.Char (isDigit, isSpace)
import Text.Read (readMaybe)

data Token = TNum Int | TPlus | TMinus
  deriving (Show, Eq)

{-
  Split the input into tokens, skipping whitespace.
  Digits form one TNum; '+' and '-' become TPlus and TMinus.
-}
█
""",
        "Split the input into tokens, skipping whitespace.\n"
        "Digits form one TNum; '+' and '-' become TPlus and TMinus.",
    ),
    # --- non-english -------------------------------------------------------------------------
    case.comment(
        "non-english/chinese",
        "src/Shop/Cart.hs",
        r"""module Shop.Cart where

import qualified Data.Map.Strict as Map

newtype Cart = Cart (Map.Map String Int)

emptyCart :: Cart
emptyCart = Cart Map.empty

-- 把商品加入购物车，如果已经存在就增加数量
█
""",
        "把商品加入购物车，如果已经存在就增加数量",
    ),
    case.comment(
        "non-english/turkish",
        "src/Shop/Users.hs",
        r"""module Shop.Users where

import Data.List (sortOn)
import Data.Text (Text)

data User = User { userName :: Text, userAge :: Int }

youngest :: [User] -> [User]
youngest = take 3 . sortOn userAge

-- kullanıcıları yaşa göre grupla ve her grubun sayısını döndür
█
""",
        "kullanıcıları yaşa göre grupla ve her grubun sayısını döndür",
    ),
    # --- on-comment ------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "src/Shop/Tax.hs",
        r"""module Shop.Tax where

data Region = EU | US | UK
  deriving (Show, Eq)

rate :: Region -> Double
rate EU = 0.19
rate US = 0.07
rate UK = 0.20

-- look up the rate for a postal█
""",
    ),
    case.completion(
        "on-comment/inside-block-comment",
        "src/Shop/Tax.hs",
        r"""module Shop.Tax where

{- Rates are per region, not per
   count█ry; see the pricing docs. -}
data Region = EU | US | UK
  deriving (Show, Eq)

rate :: Region -> Double
rate EU = 0.19
rate US = 0.07
rate UK = 0.20
""",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "src/Shop/Config.hs",
        r"""module Shop.Config where

data Config = Config
  { port :: Int
  , poolSize :: Int█ -- connections per worker
  , logLevel :: String
  }

defaultConfig :: Config
defaultConfig = Config 8080 10 "info"
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/trace",
        "src/Shop/Orders.hs",
        r"""module Shop.Orders where

import Debug.Trace (trace)

data Order = Order { orderId :: Int, total :: Double }

bigOrders :: [Order] -> [Order]
bigOrders = filter ((> 1000) . total)

revenue :: [Order] -> Double
revenue = sum . map total

-- bigOrders os = trace (show os) (filter ((> 1000) . total) os)
-- import qualified Data.Map as M
█
""",
        note="an equation and an import: commented-out code (rule 3)",
    ),
    # --- directive -------------------------------------------------------------------------
    case.completion(
        "directive/language-pragma",
        "src/Shop/Api.hs",
        r"""{-# LANGUAGE OverloadedStrings #-}
{-# LANGUAGE DeriveGeneric #-}
█
module Shop.Api where

import Data.Aeson (ToJSON)
import GHC.Generics (Generic)
import Data.Text (Text)

data Product = Product { name :: Text, price :: Int }
  deriving (Show, Generic)

instance ToJSON Product
""",
        note="LANGUAGE pragmas are compiler directives",
    ),
    case.completion(
        "directive/hlint-ignore",
        "src/Shop/Legacy.hs",
        r"""module Shop.Legacy where

import Data.Char (toUpper)

shout :: String -> String
shout = map toUpper

whisper :: String -> String
whisper s = s

{- HLINT ignore "Use camelCase" -}
█
""",
        note="an HLint annotation comment is a linter directive (rule 3)",
    ),
    # --- header ----------------------------------------------------------------------------
    case.completion(
        "header/haddock-module-header",
        "src/Data/Queue.hs",
        r"""-- |
-- Module      : Data.Queue
-- Copyright   : (c) Acme Labs 2024
-- License     : BSD-3-Clause
-- Maintainer  : dev@acme.test
--
█
module Data.Queue (Queue, empty, push, pop) where

data Queue a = Queue [a] [a]

empty :: Queue a
empty = Queue [] []

push :: a -> Queue a -> Queue a
push x (Queue f b) = Queue f (x : b)
""",
    ),
    case.completion(
        "header/stack-shebang",
        "scripts/Stats.hs",
        r"""#!/usr/bin/env stack
-- stack script --resolver lts-22.7 --package text
█
import qualified Data.Text as T
import qualified Data.Text.IO as T

main :: IO ()
main = do
  contents <- T.getContents
  print (length (T.lines contents))
""",
        note="shebang plus the stack script line, which is a tool directive",
    ),
    # --- separator -------------------------------------------------------------------------
    case.completion(
        "separator/dashes",
        "src/Shop/Types.hs",
        r"""module Shop.Types where

newtype Sku = Sku String
  deriving (Show, Eq, Ord)

newtype Cents = Cents Int
  deriving (Show, Eq, Ord)

data Currency = EUR | USD
  deriving (Show, Eq)

-------------------------------------------------------------------------------
█
""",
    ),
    # --- short-comment ---------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "src/Shop/Types.hs",
        r"""module Shop.Types where

newtype Sku = Sku String
  deriving (Show, Eq, Ord)

newtype Cents = Cents Int
  deriving (Show, Eq, Ord)

zeroCents :: Cents
zeroCents = Cents 0

-- ok
█
""",
    ),
    # --- empty-function --------------------------------------------------------------------
    case.empty_function(
        "empty-function/empty-do",
        "app/Server.hs",
        r"""module Main (main) where

import Network.Wai.Handler.Warp (run)
import Shop.App (app)
import Shop.Config (loadConfig)

main :: IO ()
main = do
  █
""",
        note="main's body is a do block with no statements",
    ),
    case.empty_function(
        "empty-function/empty-right-hand-side",
        "src/Shop/Discount.hs",
        r"""module Shop.Discount where

data Discount = Percent Int | Fixed Int

applyDiscount :: Discount -> Int -> Int
applyDiscount d price =
  █

describe :: Discount -> String
describe (Percent p) = show p ++ "%"
describe (Fixed c) = show c ++ " cents"
""",
        note="an equation whose right-hand side is still empty; the parse has an error here",
    ),
    # --- empty-block -----------------------------------------------------------------------
    case.empty_function(
        "empty-block/instance-body",
        "src/Shop/Color.hs",
        r"""module Shop.Color where

data Color = Red | Green | Blue
  deriving (Eq, Enum, Bounded)

allColors :: [Color]
allColors = [minBound .. maxBound]

instance Show Color where
  █
""",
        note="team precision 1 (rule 5): an empty instance body is an empty definition; the user wants its members generated",
    ),
    case.empty_function(
        "empty-block/class-body",
        "src/Shop/Logger.hs",
        r"""module Shop.Logger where

import Data.Text (Text)

data Level = Debug | Info | Warn
  deriving (Show, Eq, Ord)

defaultLevel :: Level
defaultLevel = Info

class Monad m => MonadLogger m where
  █
""",
        note="team precision 1 (rule 5): an empty type class body is an empty definition; the user wants its members generated",
    ),
    # --- small-file ------------------------------------------------------------------------
    case.small_file(
        "small-file/imports-only",
        "src/Shop/Prelude.hs",
        r"""module Shop.Prelude where

import Data.Text (Text)
import qualified Data.Map.Strict as Map
█
""",
    ),
    case.small_file(
        "small-file/comment-heavy",
        "src/Shop/Version.hs",
        r"""-- | The version of the shop backend.
--
-- Bumped by the release script; do not edit by hand.
-- The CI pipeline checks that it matches the cabal file.
module Shop.Version where

version :: String
version = "2.4.1"
█
""",
    ),
    # --- completion ------------------------------------------------------------------------
    case.completion(
        "completion/qualified-name",
        "src/Shop/Report.hs",
        r"""module Shop.Report where

import qualified Data.Map.Strict as Map
import Data.List (sortOn)

totals :: [(String, Int)] -> Map.Map String Int
totals = Map.fromListWith (+)

top :: Int -> [(String, Int)] -> [(String, Int)]
top n = take n . sortOn (negate . snd) . Map.█
""",
    ),
    case.completion(
        "completion/function-argument",
        "src/Shop/Report.hs",
        r"""module Shop.Report where

import Text.Printf (printf)

data Line = Line { label :: String, amount :: Int }

render :: [Line] -> String
render = unlines . map fmt
  where
    fmt l = printf "%-20s %8d" (label l) █
""",
    ),
    # --- docstring -------------------------------------------------------------------------
    case.comment(
        "docstring/haddock",
        "src/Shop/Validation.hs",
        r"""module Shop.Validation where

import Data.Char (isAlphaNum)

isSku :: String -> Bool
isSku s = length s == 8 && all isAlphaNum s

-- | Validate an email address: exactly one @,
-- a non-empty local part and a domain containing a dot.
█
""",
        "Validate an email address: exactly one @,\na non-empty local part and a domain containing a dot.",
        note="`-- |` is the haddock marker and is part of the comment syntax",
    ),
    # --- scope -----------------------------------------------------------------------------
    case.completion(
        "scope/comment-then-definition",
        "src/Shop/Slug.hs",
        r"""module Shop.Slug where

import Data.Char (isAlphaNum, toLower)

-- lowercase and keep only letters and digits
slugChar :: Char -> Char
slugChar c = if isAlphaNum c then toLower c else '-'

█
slugify :: String -> String
slugify = map slugChar
""",
    ),
    case.completion(
        "scope/comment-in-where-then-declaration",
        "src/Shop/Slug.hs",
        r"""module Shop.Slug where

import Data.Char (isAlphaNum, toLower)

slugify :: String -> String
slugify = map slugChar
  where
    slugChar c = if isAlphaNum c then toLower c else '-'
    {- collapse repeated dashes -}
collapse :: String -> String
█
""",
        note="the comment in the where block is followed by a new declaration, so it is not directly above the cursor",
    ),
    # --- unicode ---------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-string",
        "src/Shop/Messages.hs",
        r"""{-# LANGUAGE OverloadedStrings #-}
module Shop.Messages where

import Data.Text (Text)

farewell :: Text -> Text
farewell name = "👋 " <> name

welcome :: Text -> Text
welcome name = "🎉 환영합니다, " <> name <> █
""",
    ),
    # --- crlf ------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "src/Shop/Stock.hs",
        crlf(
            r"""module Shop.Stock where

import qualified Data.Map.Strict as Map

type Stock = Map.Map String Int

restock :: String -> Int -> Stock -> Stock
restock = Map.insertWith (+)

-- list the skus whose stock is below the given threshold
█
"""
        ),
        "list the skus whose stock is below the given threshold",
    ),
    # --- edge cases --------------------------------------------------------------------------
    case.completion(
        "separator/around-instruction",
        "src/Shop/Http.hs",
        r"""module Shop.Http where

import Network.HTTP.Types (status200, status404)
import Network.Wai (Application, responseLBS)

notFound :: Application
notFound _ respond = respond (responseLBS status404 [] "not found")

--------------------------------------------------------------------------------
-- route GET /health to a 200 response with the body "ok"
--------------------------------------------------------------------------------
█
""",
        note="team precision 2 (rule 2): the block's last line is a separator (no letter or digit), an empty comment, so no instruction lies directly above the cursor",
    ),
    case.comment(
        "multiline-comment/haddock-block",
        "src/Shop/Money.hs",
        r"""module Shop.Money where

newtype Cents = Cents Int
  deriving (Show, Eq, Ord)

instance Semigroup Cents where
  Cents a <> Cents b = Cents (a + b)

{-| Format cents as a price string with two decimals
    and the euro sign after the amount.
-}
█
""",
        "Format cents as a price string with two decimals\nand the euro sign after the amount.",
        note="`{-|` opens a haddock block comment; the marker is comment syntax",
    ),
    case.comment(
        "directive/pragma-then-instruction",
        "src/Shop/Json.hs",
        r"""{-# LANGUAGE OverloadedStrings #-}

-- encode a Product as a JSON object with name and price fields
█
""",
        "encode a Product as a JSON object with name and price fields",
        note="the pragma is separated by a blank line and is not part of the block",
    ),
    case.completion(
        "on-comment/small-file",
        "src/Shop/Env.hs",
        r"""module Shop.Env where

-- | Read the port from the█ environment
""",
    ),
]
