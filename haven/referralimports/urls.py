app_name = "referralimports"
urlpatterns: list = []
