from tickets.reports.charts import axis_steps, bar_chart, column_chart, nice_ceiling


def test_axis_steps_are_whole_numbers():
    assert axis_steps(0) == (1, 1)
    assert axis_steps(3) == (1, 3)
    assert axis_steps(6) == (2, 6)
    assert axis_steps(9) == (5, 10)
    assert axis_steps(9_000) == (5_000, 10_000)
    assert nice_ceiling(1_234) == 2_000


def test_column_chart_scales_bars_to_the_axis():
    monthly = [{"received": 10, "delivered": 5, "label": "ต.ค. 69", "long_label": "ตุลาคม 2569"},
               {"received": 0, "delivered": 0, "label": "พ.ย. 69", "long_label": "พฤศจิกายน 2569"}]
    chart = column_chart(monthly)
    received, delivered = chart["bars"][0], chart["bars"][1]
    plot_h = chart["baseline"] - chart["top"]
    assert received["h"] == plot_h and delivered["h"] == plot_h / 2
    assert received["y"] == chart["top"]
    assert [t["text"] for t in chart["ticks"]] == ["0", "5", "10"]
    assert [label["text"] for label in chart["labels"]] == ["ต.ค. 69", "พ.ย. 69"]


def test_percentage_bars_run_to_100_and_flag_low_shares():
    chart = bar_chart([("ฮาร์ดแวร์", 50.0), ("ซอฟต์แวร์", 90.0), ("เครือข่าย", None)], percent=True, low_mark=80)
    half, high, empty = chart["bars"]
    assert high["w"] == round(half["w"] * 1.8, 1)
    assert half["colour"] != high["colour"]
    assert (half["text"], empty["text"], empty["w"]) == ("50.0%", "–", 0)
