"""The app's widgets: the panes and their minimaps, headers, the sidebar and its tabs, the search line."""
