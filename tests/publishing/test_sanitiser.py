from publishing.rendering import render_body


def test_plain_text_is_escaped_and_keeps_line_breaks():
    html = render_body("บรรทัดแรก\nบรรทัดสอง <script>alert(1)</script>", "plain")
    assert "บรรทัดแรก<br>บรรทัดสอง" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_markdown_keeps_formatting_and_drops_dangerous_markup():
    html = render_body(
        "# หัวข้อ\n\n**หนา** [ลิงก์](https://www.bangkok.go.th) [อีเมล](mailto:a@b.go.th) "
        "[ร้าย](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
        '<div style="x" onmouseover="alert(2)">กล่อง</div>\n\n| ก | ข |\n|---|---|\n| 1 | 2 |',
        "markdown",
    )
    assert "<strong>หนา</strong>" in html
    assert 'href="https://www.bangkok.go.th"' in html and 'href="mailto:a@b.go.th"' in html
    assert 'rel="noopener noreferrer nofollow"' in html
    assert "javascript" not in html and "data:" not in html
    assert "onmouseover" not in html and "style=" not in html and "<div" not in html
    assert "<table>" in html and "<td>1</td>" in html
