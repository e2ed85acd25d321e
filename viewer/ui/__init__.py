"""The Qt window: widgets, item models and dialogs. Gets plain records from the store."""
