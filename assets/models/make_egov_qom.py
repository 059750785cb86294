#!/usr/bin/env python3
"""Writes the Qom e-governance study (egov-qom-hierarchy.tsv) as an ahp-model file.

Usage: make_egov_qom.py [TSV] > egov-qom.json
TSV defaults to /work/shared/study/egov-qom-hierarchy.tsv. The output is committed beside this
script; rerun it when the TSV changes. Published weights are kept as printed (errata are noted,
not corrected) so the product can show the study's numbers beside a user's.
"""
import csv
import json
import sys

TSV = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/study/egov-qom-hierarchy.tsv"

NOTES = {
    "I231": {
        "en": "Printed as 0.5609, most likely a misprint of 0.2609: with 0.5609 the five "
              "indicator weights of C23 sum to 1.2998, with 0.2609 to 0.9998. The printed "
              "value is kept.",
        "fa": "وزن چاپ‌شده ۰٫۵۶۰۹ احتمالاً غلط چاپی ۰٫۲۶۰۹ است: با ۰٫۵۶۰۹ مجموع وزن‌های پنج "
              "شاخص C23 برابر ۱٫۲۹۹۸ و با ۰٫۲۶۰۹ برابر ۰٫۹۹۹۸ می‌شود. مقدار چاپ‌شده حفظ شده است.",
    },
    "C32": {
        "en": "The study's rank list for this component's indicators does not match its own "
              "weights (I323, 0.3268, is above I322, 0.2967); ranks here follow the weights.",
        "fa": "فهرست رتبه‌های منتشرشده برای شاخص‌های این مؤلفه با وزن‌های خودش هم‌خوان نیست "
              "(I323 با ۰٫۳۲۶۸ بالاتر از I322 با ۰٫۲۹۶۷ است)؛ رتبه‌ها در اینجا از روی وزن‌ها تعیین می‌شوند.",
    },
}


def main():
    with open(TSV, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    nodes = []
    for row in rows:
        node = {
            "id": row["id"],
            "parent": None if row["parent"] == "-" else row["parent"],
            "labels": {"fa": row["label_fa"], "en": row["label_en"]},
        }
        if row["reported_local_weight"] != "-":
            node["reported_local_weight"] = float(row["reported_local_weight"])
        if row["id"] in NOTES:
            node["note"] = NOTES[row["id"]]
        nodes.append(node)
    goal = rows[0]
    model = {
        "format": "ahp-model",
        "version": 1,
        "id": "egov-qom",
        "title": {"fa": goal["label_fa"], "en": goal["label_en"]},
        "purpose": {
            "fa": "اولویت‌بندی ارزش‌های حکمرانی الکترونیکی در شهرداری قم از دیدگاه مدیران و "
                  "کارشناسان خدمات الکترونیکی: ۳ بُعد، ۱۰ مؤلفه و ۳۸ شاخص، با مقایسه‌های زوجی "
                  "در مقیاس ۱ تا ۹ ساعتی.",
            "en": "Prioritise the values of e-governance in the municipality of Qom, as judged "
                  "by its managers and e-service specialists: 3 dimensions, 10 components and "
                  "38 indicators, compared pairwise on Saaty's 1-9 scale.",
        },
        "languages": ["fa", "en"],
        "settings": {"method": "normalized", "ri": "saaty", "cr_threshold": 0.1},
        "nodes": nodes,
        "source": {
            "journal": "Management Research in Iran",
            "volume": 20,
            "issue": 3,
            "year": 2016,
            "season": "autumn",
            "language": "fa",
            "method": "9 experts; AIJ (geometric mean); normalised-column weights; Saaty RI; CR < 0.10",
            "reported_group_cr": {"D2": 0.0277, "D3": 0.0887},
            "note": "reported_local_weight values are as printed; dimension weights were not reported.",
        },
    }
    json.dump(model, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
