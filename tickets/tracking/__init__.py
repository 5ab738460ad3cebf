"""The public tracking page of a ticket (the QR code on the slip): views, urls and its shared cached copy."""
