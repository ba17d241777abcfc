#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fill unfinished entries of a Qt Linguist file from a JSON dictionary.

Usage: scripts/translate.py translations/classdesk_zh_CN.ts DICTIONARY.json

The dictionary maps English source text to its translation. Entries whose
source is not in the dictionary stay unfinished and are listed, so a
translator sees exactly what is left. Finished entries are never changed.
"""
import json
import sys
import xml.etree.ElementTree as ElementTree


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    ts_path, dictionary_path = sys.argv[1], sys.argv[2]
    with open(dictionary_path, encoding="utf-8") as handle:
        dictionary = json.load(handle)

    tree = ElementTree.parse(ts_path)
    left = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source in dictionary:
            if message.get("numerus") == "yes":
                # Chinese has a single plural form.
                for form in list(translation):
                    translation.remove(form)
                ElementTree.SubElement(translation, "numerusform").text = dictionary[source]
                translation.text = None
            else:
                translation.text = dictionary[source]
            del translation.attrib["type"]
        else:
            left.append(source)

    with open(ts_path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        ElementTree.indent(tree, space="    ")
        handle.write(ElementTree.tostring(tree.getroot(), encoding="unicode"))
        handle.write("\n")

    for source in left:
        print(f"untranslated: {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
