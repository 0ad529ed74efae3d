"""The Textual app. It only shows what `reader.library` and `reader.clean` return."""
