"""Public notices: nominations under public consultation and signed decisions, on a page without login and a feed."""
