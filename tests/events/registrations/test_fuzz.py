"""Whatever a visitor (or a robot) posts to the registration form, HTML or JSON:
never a 5xx, and JSON answers are JSON."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIELDS = [
    "name",
    "email",
    "organisation",
    "organisation_name",
    "audience",
    "accessibility_needs",
    "accessibility_details",
    "consent",
    "website",
    "session",
    "question_x",
]
text = st.one_of(
    st.text(max_size=300), st.sampled_from(["", "on", "0", "-1", "999999999999", "a@b.c", "\x00", "<script>"])
)
payloads = st.dictionaries(st.sampled_from(FIELDS), st.one_of(text, st.lists(text, max_size=3)), max_size=8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=payloads, as_json=st.booleans())
def test_no_input_makes_a_5xx(client, data, payload, as_json):
    for page in (data["small"], data["capsule"]):
        if as_json:
            response = client.post(
                f"/registrations/{page.pk}/json/", json.dumps(payload), content_type="application/json"
            )
            assert response.status_code < 500
            json.loads(response.content)
        else:
            form = {k: v for k, v in payload.items() if "\x00" not in str(v)}
            response = client.post(f"/registrations/{page.pk}/", form)
            assert response.status_code < 500
