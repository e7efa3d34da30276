"""A headless LibreOffice driven through its own API (UNO), for the scripts that edit workbooks the
way a department does. Run with Debian's python3 (python3-uno).

    with office() as desktop:
        doc = load(desktop, "in.xlsx")
        ...
        save_xlsx(doc, "out.xlsx")
"""
import contextlib
import os
import subprocess
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


@contextlib.contextmanager
def office():
    """Starts soffice with a private profile on its own port, yields its Desktop, stops it."""
    profile = tempfile.mkdtemp(prefix="lo-uno-")
    port = 2002 + os.getpid() % 5000
    proc = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                             f"--accept=socket,host=127.0.0.1,port={port};urp;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(150):
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.2)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        yield desktop
    finally:
        try:
            if desktop is not None:
                desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=30)


def load(desktop, path):
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))


def save_xlsx(doc, path):
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
