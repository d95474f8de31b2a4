#!/usr/bin/python3
"""
Ask LibreOffice whether it accepts values under a workbook's data validation.

Usage: lo-validate.py BOOK.xlsx CHECKS.json  ->  prints JSON [{"sheet", "cell", "value", "invalid"}]
CHECKS.json: [{"sheet": "附件3", "cell": "E6", "value": "有可能"}, ...] (numbers as JSON numbers).

For each check the value is entered into the cell, then LibreOffice's detective "mark invalid data"
(XSheetAuditing.showInvalid) runs; the cell counts as rejected when that draws a circle. The cell is
cleared again before the next check, so each check sees only its own value.
"""
import json, os, subprocess, sys, tempfile, time

import uno
from com.sun.star.beans import PropertyValue

book, checks_file = sys.argv[1], sys.argv[2]
checks = json.load(open(checks_file, encoding="utf-8"))
work = tempfile.mkdtemp(prefix="annex-lo-validate-")
pipe = "annexaudit%d" % os.getpid()
proc = subprocess.Popen(
    ["soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.join(work, "profile")),
     "--headless", "--invisible", "--norestore", "--nologo", "--accept=pipe,name=%s;urp;" % pipe],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    # Until LibreOffice accepts the connection or exits: a loaded machine starts it slowly, and a hang is ended by the
    # caller's timeout, not by a count of tries.
    while ctx is None:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if proc.poll() is not None:
                raise SystemExit("LibreOffice exited (%s) before it accepted a connection" % proc.returncode)
            time.sleep(0.25)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    hidden = PropertyValue()
    hidden.Name, hidden.Value = "Hidden", True
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(book)), "_blank", 0, (hidden,))
    out = []
    for c in checks:
        sheet = doc.Sheets.getByName(c["sheet"])
        cell = sheet.getCellRangeByName(c["cell"])
        value = c["value"]
        if isinstance(value, (int, float)):
            cell.setValue(value)
        else:
            cell.setString(value)
        sheet.clearArrows()
        sheet.showInvalid()
        out.append({"sheet": c["sheet"], "cell": c["cell"], "value": value, "invalid": sheet.DrawPage.Count > 0})
        cell.setString("")
        sheet.clearArrows()
    doc.close(True)
    print(json.dumps(out, ensure_ascii=False))
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
    try:
        proc.wait(timeout=30)
    except Exception:
        proc.kill()
