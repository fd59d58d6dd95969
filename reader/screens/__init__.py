"""The app's screens: the main comparison screen and its dialogs (help, pair picker, word diff)."""
