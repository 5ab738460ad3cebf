from helpdesk.routes import record_urls
from tickets.consultations import views

app_name = "consultations"

urlpatterns = [
    *record_urls(list=views.consultation_list, create=views.consultation_create, detail=views.consultation_detail,
                 steps={"ticket": views.consultation_ticket}, names={"ticket": "to_ticket"}),
    *record_urls(prefix="topics/", name="topic_", list=views.topic_list, create=views.topic_create,
                 detail=views.topic_detail, steps={
                     "accept": (views.topic_transition, {"action": "accept"}),
                     "decline": (views.topic_transition, {"action": "decline"}),
                     "group": views.topic_group,
                     "article": views.topic_article,
                 }),
    *record_urls(prefix="memos/", name="memo_", list=views.memo_list, detail=views.memo_detail,
                 steps={"scan": views.memo_scan, "accept": views.memo_accept}),
]
