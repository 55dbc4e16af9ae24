"""Labelled intent cases for Vue (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("vue")


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
    case.comment(
        "comment/options-api-method",
        "TodoApp.vue",
        options_script(
            "    // add the draft as a new todo, save it with saveTodo and clear the draft\n    █\n"
        ),
        "add the draft as a new todo, save it with saveTodo and clear the draft",
    ),
    case.comment(
        "comment/script-setup",
        "TodoApp.vue",
        setup_script("// remove every finished todo from the list\n█\n"),
        "remove every finished todo from the list",
    ),
    case.comment(
        "comment/script-setup-ts",
        "TodoApp.vue",
        setup_script("// toggle the done flag of the todo with the given id\n█\n", lang="ts"),
        "toggle the done flag of the todo with the given id",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/block-comment",
        "TodoApp.vue",
        setup_script(
            "/*\n  Load the todos on mount,\n  and show an error message when the request fails.\n*/\n█\n"
        ),
        "Load the todos on mount,\nand show an error message when the request fails.",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/chinese",
        "TodoApp.vue",
        setup_script("// 按创建时间倒序排列待办事项\n█\n"),
        "按创建时间倒序排列待办事项",
    ),
    case.comment(
        "non-english/japanese-in-method",
        "TodoApp.vue",
        options_script("    // 完了したタスクを削除してサーバーに保存する\n    █\n"),
        "完了したタスクを削除してサーバーに保存する",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/script-comment",
        "TodoApp.vue",
        setup_script("// remove every finished todo█\n"),
    ),
    case.completion(
        "on-comment/template-comment",
        "TodoApp.vue",
        setup_script("").replace("<!-- the list of todos -->", "<!-- the list of todos█ -->"),
        note="the cursor is in the template, outside the script block",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/console-log",
        "TodoApp.vue",
        setup_script("// console.log(todos.value);\n█\n"),
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/eslint-disable",
        "TodoApp.vue",
        setup_script("// eslint-disable-next-line vue/no-mutating-props\n█\n"),
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/license-in-script",
        "TodoApp.vue",
        setup_script("").replace(
            "<script setup>\n",
            "<script setup>\n// Copyright (c) 2024 Acme Inc. Licensed under the MIT License.\n█\n",
        ),
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/dashes",
        "TodoApp.vue",
        setup_script("// --------------------------------------------------------------\n█\n"),
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "TodoApp.vue",
        setup_script("// ok\n█\n"),
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/options-method",
        "TodoApp.vue",
        options_script("    async add() {\n      █\n    },\n"),
    ),
    case.empty_function(
        "empty-function/arrow-in-setup",
        "TodoApp.vue",
        setup_script("const clearDone = () => {\n  █\n};\n"),
    ),
    case.empty_function(
        "empty-function/on-mounted-callback",
        "TodoApp.vue",
        setup_script("onMounted(async () => {█});\n"),
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.completion(
        "empty-block/if-in-method",
        "TodoApp.vue",
        options_script(
            "    async add() {\n      const title = this.draft.trim();\n      if (!title) {\n        █\n      }\n    },\n"
        ),
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
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
    case.completion(
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
    case.completion(
        "completion/this-dot-in-method",
        "TodoApp.vue",
        options_script("    async add() {\n      await saveTodo(this.█);\n    },\n"),
    ),
    case.completion(
        "completion/in-template",
        "TodoApp.vue",
        setup_script("").replace(
            '<li v-for="todo in todos" :key="todo.id">',
            '<li v-for="todo in todos" :key="todo.id" :class="█">',
        ),
    ),
    case.completion(
        "completion/in-style-below-comment",
        "TodoApp.vue",
        setup_script("").replace(
            "  margin: 0 auto;\n}",
            "  margin: 0 auto;\n}\n\n/* a red border around overdue todos */\n█",
        ),
        note="a CSS comment above a blank line, but the cursor is in the style block, outside the script",
    ),
    case.completion(
        "completion/template-comment-above-blank",
        "TodoApp.vue",
        setup_script("").replace(
            "    </ul>\n",
            "    </ul>\n    <!-- a footer with the number of remaining todos -->\n    █\n",
        ),
        note="the cursor is in the template, outside the script block",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-then-code",
        "TodoApp.vue",
        setup_script(
            "// count the finished todos\nconst done = computed(() => todos.value.length - remaining.value);\n█\n"
        ),
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-in-script-string",
        "TodoApp.vue",
        setup_script("const title = computed(() => `📝 やること ${remaining.value} 件 ${█}`);\n"),
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "TodoApp.vue",
        crlf(setup_script("// save the todos to localStorage whenever they change\n█\n")),
        "save the todos to localStorage whenever they change",
    ),
]
