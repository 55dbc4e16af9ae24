"""Labelled intent cases for Vue (corpus part A). The cursor is marked with █."""

LANG = "vue"


def _case(cid, filename, text, intent, gtype=None, instruction=None, note=None):
    case = {
        "id": f"vue/{cid}",
        "language": LANG,
        "filename": filename,
        "text": text,
        "intent": intent,
        "generation_type": gtype,
        "user_instruction": instruction,
    }
    if note:
        case["note"] = note
    return case


def gen(cid, filename, text, instruction, note=None):
    return _case(cid, filename, text, "generation", "comment", instruction, note)


def efn(cid, filename, text, note=None):
    return _case(cid, filename, text, "generation", "empty_function", None, note)


def small(cid, filename, text, note=None):
    return _case(cid, filename, text, "generation", "small_file", None, note)


def comp(cid, filename, text, note=None):
    return _case(cid, filename, text, "completion", None, None, note)


def crlf(text):
    return text.replace("\n", "\r\n")



TEMPLATE = """\
<template>
  <div class="todo-app">
    <!-- the list of todos -->
    <input v-model="draft" @keyup.enter="add" placeholder="What needs doing?" />
    <ul>
      <li v-for="todo in todos" :key="todo.id">{{ todo.title }}</li>
    </ul>
  </div>
</template>

"""

STYLE = """
<style scoped>
.todo-app {
  max-width: 480px;
  margin: 0 auto;
}
</style>
"""


def options_script(body):
    """An Options API component whose methods section ends with `body`."""
    return (
        TEMPLATE
        + """\
<script>
import { fetchTodos, saveTodo } from "@/api/todos";

export default {
  name: "TodoApp",
  data() {
    return { todos: [], draft: "" };
  },
  async created() {
    this.todos = await fetchTodos();
  },
  methods: {
"""
        + body
        + """\
  },
};
</script>
"""
        + STYLE
    )


def setup_script(body, lang=""):
    """A `<script setup>` component whose script ends with `body`."""
    attr = f' lang="{lang}"' if lang else ""
    return (
        TEMPLATE
        + f"""\
<script setup{attr}>
import {{ computed, onMounted, ref }} from "vue";
import {{ fetchTodos, saveTodo }} from "@/api/todos";

const todos = ref([]);
const draft = ref("");
const remaining = computed(() => todos.value.filter((t) => !t.done).length);

"""
        + body
        + "</script>\n"
        + STYLE
    )


CASES = [
    # --- comment -------------------------------------------------------------------------
    gen(
        "comment/options-api-method",
        "TodoApp.vue",
        options_script("    // add the draft as a new todo, save it with saveTodo and clear the draft\n    █\n"),
        "add the draft as a new todo, save it with saveTodo and clear the draft",
    ),
    gen(
        "comment/script-setup",
        "TodoApp.vue",
        setup_script("// remove every finished todo from the list\n█\n"),
        "remove every finished todo from the list",
    ),
    gen(
        "comment/script-setup-ts",
        "TodoApp.vue",
        setup_script("// toggle the done flag of the todo with the given id\n█\n", lang="ts"),
        "toggle the done flag of the todo with the given id",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    gen(
        "multiline-comment/block-comment",
        "TodoApp.vue",
        setup_script("/*\n  Load the todos on mount,\n  and show an error message when the request fails.\n*/\n█\n"),
        "Load the todos on mount,\nand show an error message when the request fails.",
    ),
    # --- non-english ------------------------------------------------------------------------
    gen(
        "non-english/chinese",
        "TodoApp.vue",
        setup_script("// 按创建时间倒序排列待办事项\n█\n"),
        "按创建时间倒序排列待办事项",
    ),
    gen(
        "non-english/japanese-in-method",
        "TodoApp.vue",
        options_script("    // 完了したタスクを削除してサーバーに保存する\n    █\n"),
        "完了したタスクを削除してサーバーに保存する",
    ),
    # --- on-comment -------------------------------------------------------------------------
    comp(
        "on-comment/script-comment",
        "TodoApp.vue",
        setup_script("// remove every finished todo█\n"),
    ),
    comp(
        "on-comment/template-comment",
        "TodoApp.vue",
        setup_script("").replace("<!-- the list of todos -->", "<!-- the list of todos█ -->"),
        note="the cursor is in the template, outside the script block",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    comp(
        "commented-out-code/console-log",
        "TodoApp.vue",
        setup_script("// console.log(todos.value);\n█\n"),
    ),
    # --- directive --------------------------------------------------------------------------
    comp(
        "directive/eslint-disable",
        "TodoApp.vue",
        setup_script("// eslint-disable-next-line vue/no-mutating-props\n█\n"),
    ),
    # --- header -----------------------------------------------------------------------------
    comp(
        "header/license-in-script",
        "TodoApp.vue",
        setup_script("").replace(
            "<script setup>\n",
            "<script setup>\n// Copyright (c) 2024 Acme Inc. Licensed under the MIT License.\n█\n",
        ),
    ),
    # --- separator --------------------------------------------------------------------------
    comp(
        "separator/dashes",
        "TodoApp.vue",
        setup_script("// --------------------------------------------------------------\n█\n"),
    ),
    # --- short-comment ----------------------------------------------------------------------
    comp(
        "short-comment/ok",
        "TodoApp.vue",
        setup_script("// ok\n█\n"),
    ),
    # --- empty-function ---------------------------------------------------------------------
    efn(
        "empty-function/options-method",
        "TodoApp.vue",
        options_script("    async add() {\n      █\n    },\n"),
    ),
    efn(
        "empty-function/arrow-in-setup",
        "TodoApp.vue",
        setup_script("const clearDone = () => {\n  █\n};\n"),
    ),
    efn(
        "empty-function/on-mounted-callback",
        "TodoApp.vue",
        setup_script("onMounted(async () => {█});\n"),
    ),
    # --- empty-block ------------------------------------------------------------------------
    comp(
        "empty-block/if-in-method",
        "TodoApp.vue",
        options_script("    async add() {\n      const title = this.draft.trim();\n      if (!title) {\n        █\n      }\n    },\n"),
    ),
    # --- small-file -------------------------------------------------------------------------
    small(
        "small-file/tiny-script",
        "Badge.vue",
        """\
<template>
  <span class="badge" :class="`badge-${kind}`">
    <slot />
  </span>
</template>

<script setup>
defineProps({ kind: { type: String, default: "info" } });
█
</script>

<style scoped>
.badge {
  padding: 2px 6px;
  border-radius: 4px;
}
</style>
""",
        note="only the script block is analysed: it has one code line",
    ),
    comp(
        "small-file/cursor-in-template-of-small-script",
        "Badge.vue",
        """\
<template>
  <span class="badge" :class="`badge-${kind}`">
    <slot />█
  </span>
</template>

<script setup>
defineProps({ kind: { type: String, default: "info" } });
</script>
""",
        note="the cursor is in the template, outside the script block: completion even though the script is small",
    ),
    # --- completion -------------------------------------------------------------------------
    comp(
        "completion/this-dot-in-method",
        "TodoApp.vue",
        options_script("    async add() {\n      await saveTodo(this.█);\n    },\n"),
    ),
    comp(
        "completion/in-template",
        "TodoApp.vue",
        setup_script("").replace('<li v-for="todo in todos" :key="todo.id">', '<li v-for="todo in todos" :key="todo.id" :class="█">'),
    ),
    comp(
        "completion/in-style-below-comment",
        "TodoApp.vue",
        setup_script("").replace("  margin: 0 auto;\n}", "  margin: 0 auto;\n}\n\n/* a red border around overdue todos */\n█"),
        note="a CSS comment above a blank line, but the cursor is in the style block, outside the script",
    ),
    comp(
        "completion/template-comment-above-blank",
        "TodoApp.vue",
        setup_script("").replace("    </ul>\n", "    </ul>\n    <!-- a footer with the number of remaining todos -->\n    █\n"),
        note="the cursor is in the template, outside the script block",
    ),
    # --- scope ------------------------------------------------------------------------------
    comp(
        "scope/comment-then-code",
        "TodoApp.vue",
        setup_script("// count the finished todos\nconst done = computed(() => todos.value.length - remaining.value);\n█\n"),
    ),
    # --- unicode ----------------------------------------------------------------------------
    comp(
        "unicode/emoji-in-script-string",
        "TodoApp.vue",
        setup_script('const title = computed(() => `📝 やること ${remaining.value} 件 ${█}`);\n'),
    ),
    # --- crlf -------------------------------------------------------------------------------
    gen(
        "crlf/comment",
        "TodoApp.vue",
        crlf(setup_script("// save the todos to localStorage whenever they change\n█\n")),
        "save the todos to localStorage whenever they change",
    ),
]
