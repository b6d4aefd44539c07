"""The served answerer: a reload picks up changed data, and a failed reload keeps serving the old data."""
from bot.datapack import load_pack
from bot.service import Service
from bot.settings import Settings


def test_reload_serves_new_data_and_a_broken_reload_changes_nothing(data_copy, tmp_path):
    settings = Settings.from_env({"CRIMEBOT_DATA_DIR": str(data_copy), "CRIMEBOT_STATE_DIR": str(tmp_path / "s")})
    service = Service(settings)
    assert service.ask("shoplifting maidstone 2012/13").headline.startswith("Shoplifting in Maidstone, 2012/13: 994")
    assert "nothing to reload" in service.reload()
    facts = data_copy / "facts" / "s3_1_time_series.csv"
    facts.write_text(facts.read_text().replace("shoplifting,maidstone,2012/13,count,994,",
                                               "shoplifting,maidstone,2012/13,count,996,"))
    assert service.reload().startswith(f"Reloaded: {len(load_pack(data_copy).facts)} figures")
    assert service.ask("shoplifting maidstone 2012/13").headline.startswith("Shoplifting in Maidstone, 2012/13: 996")
    facts.write_text(facts.read_text().replace("shoplifting,maidstone,2012/13,count,996,",
                                               "shoplifting,maidstone,2012/13,count,lots,"))
    message = service.reload()
    assert message.startswith("Reload failed; still serving the data loaded before.")
    assert "facts/s3_1_time_series.csv" in message and "value" in message
    assert service.ask("shoplifting maidstone 2012/13").headline.startswith("Shoplifting in Maidstone, 2012/13: 996")
