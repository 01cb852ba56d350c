"""The partner API (django-ninja); ``api.urls`` is mounted at /api/v1/ in haven/urls.py."""
