#!/usr/bin/env python3
"""The arithmetic of README, one employee at a time, for one rule set.

Written from domain/tpp.md and the rule files' own numbers, not from
lib/tpp.c: it is the calculator the working in README was done with, and
prints that working (--working) or the expected tpp.tsv (--tsv).  Exact
decimal arithmetic, half-up rounding to the Rupiah at the steps the
rule set names.

usage: worksheet.py RULES.yaml YYYY-MM [--tsv | --working]
"""
import csv
import sys
from decimal import Decimal as D, ROUND_HALF_UP, ROUND_FLOOR

import yaml

HERE = __file__.rsplit("/", 1)[0]


def rnd(x, mode="half_up"):
    return int(x.quantize(D(1), rounding=ROUND_HALF_UP if mode == "half_up"
                          else ROUND_FLOOR))


def pct(v):
    """As tpp.tsv writes a percentage: two decimals at most, no zeros."""
    q = D(v).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    s = format(q, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def rp(v):
    return "{:,}".format(v).replace(",", ".")


# PP 58/2023 TER, as tpp.md §3.2 lists it: (upper bound, %).
def ter_table(text):
    out = []
    for part in text.split("·"):
        a, b = part.strip().split("→")
        out.append((None if a == "above" else int(a.replace(".", "")),
                    D(b.replace(",", "."))))
    return out


TER = {
    "A": ter_table("5.400.000→0 · 5.650.000→0,25 · 5.950.000→0,5 · 6.300.000→0,75 · 6.750.000→1 · 7.500.000→1,25 · 8.550.000→1,5 · 9.650.000→1,75 · 10.050.000→2 · 10.350.000→2,25 · 10.700.000→2,5 · 11.050.000→3 · 11.600.000→3,5 · 12.500.000→4 · 13.750.000→5 · 15.100.000→6 · 16.950.000→7 · 19.750.000→8 · 24.150.000→9 · 26.450.000→10 · 28.000.000→11 · 30.050.000→12 · 32.400.000→13 · 35.400.000→14 · 39.100.000→15 · 43.850.000→16 · 47.800.000→17 · 51.400.000→18 · 56.300.000→19 · 62.200.000→20 · 68.600.000→21 · 77.500.000→22 · 89.000.000→23 · 103.000.000→24 · 125.000.000→25 · 157.000.000→26 · 206.000.000→27 · 337.000.000→28 · 454.000.000→29 · 550.000.000→30 · 695.000.000→31 · 910.000.000→32 · 1.400.000.000→33 · above→34"),
    "B": ter_table("6.200.000→0 · 6.500.000→0,25 · 6.850.000→0,5 · 7.300.000→0,75 · 9.200.000→1 · 10.750.000→1,5 · 11.250.000→2 · 11.600.000→2,5 · 12.600.000→3 · 13.600.000→4 · 14.950.000→5 · 16.400.000→6 · 18.450.000→7 · 21.850.000→8 · 26.000.000→9 · 27.700.000→10 · 29.350.000→11 · 31.450.000→12 · 33.950.000→13 · 37.100.000→14 · 41.100.000→15 · 45.800.000→16 · 49.500.000→17 · 53.800.000→18 · 58.500.000→19 · 64.000.000→20 · 71.000.000→21 · 80.000.000→22 · 93.000.000→23 · 109.000.000→24 · 129.000.000→25 · 163.000.000→26 · 211.000.000→27 · 374.000.000→28 · 459.000.000→29 · 555.000.000→30 · 704.000.000→31 · 957.000.000→32 · 1.405.000.000→33 · above→34"),
    "C": ter_table("6.600.000→0 · 6.950.000→0,25 · 7.350.000→0,5 · 7.800.000→0,75 · 8.850.000→1 · 9.800.000→1,25 · 10.950.000→1,5 · 11.200.000→1,75 · 12.050.000→2 · 12.950.000→3 · 14.150.000→4 · 15.550.000→5 · 17.050.000→6 · 19.500.000→7 · 22.700.000→8 · 26.600.000→9 · 28.100.000→10 · 30.100.000→11 · 32.600.000→12 · 35.400.000→13 · 38.900.000→14 · 43.000.000→15 · 47.400.000→16 · 51.200.000→17 · 55.800.000→18 · 60.400.000→19 · 66.700.000→20 · 74.500.000→21 · 83.300.000→22 · 95.600.000→23 · 110.000.000→24 · 134.000.000→25 · 169.000.000→26 · 221.000.000→27 · 390.000.000→28 · 463.000.000→29 · 561.000.000→30 · 709.000.000→31 · 965.000.000→32 · 1.419.000.000→33 · above→34"),
}
CAT = {"TK/0": "A", "TK/1": "A", "K/0": "A", "TK/2": "B", "TK/3": "B",
       "K/1": "B", "K/2": "B", "K/3": "C"}


def ter(cat, bruto):
    for up, r in TER[cat]:
        if up is None or bruto <= up:
            return r


def rows(name):
    with open(f"{HERE}/{name}", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def main():
    rules_path, month = sys.argv[1], sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) > 3 else "--working"
    R = yaml.safe_load(open(rules_path))
    mon = int(month[5:])
    absen = {a["nip"]: a for a in rows("absen.tsv") if a["periode"] == month}
    kin = {k["nip"]: k for k in rows("kinerja.tsv") if k["periode"] == month}
    dis = R["disiplin"]
    prod = R.get("produktivitas") or {}
    fak = R.get("faktor") or {}
    status_pct = {"pns": 100, "cpns": 80, "pppk": 100}
    status_pct.update(fak.get("status") or {})
    ket_pct = fak.get("keterangan") or {}
    porsi_d = D(str((R.get("porsi") or {}).get("disiplin", 40)))
    plt = R.get("plt")
    pred_pct = {"sangat_baik": 100, "baik": 100, "butuh_perbaikan": 80,
                "kurang": 60, "sangat_kurang": 40}
    pred_pct.update(prod.get("predikat") or {})
    bpjs = R.get("bpjs")
    pph = R.get("pph21") or {"model": "none"}
    december = mon == 12 and R.get("desember_penuh", False)
    # The rule-set extensions (kinerja-formats(5)): each off when absent.
    cuti_panjang = fak.get("cuti_panjang") or {}
    kode_status = {str(k): v for k, v in
                   (fak.get("kode_status") or {}).items()}
    syarat = R.get("syarat") or {}
    potongan_rp = R.get("potongan_rp") or []
    kurang_hadir = prod.get("kurang_hadir")
    sakip_s = D(str(prod.get("sakip", 0)))
    porsi_p = 100 - porsi_d
    out = []
    for p in rows("pegawai.tsv"):
        W = []                       # working lines
        why = []                     # rincian
        kelas = int(p["kelas"])
        fs = D(str(status_pct[p["status"]]))
        fk, kname = D(100), None
        for k in filter(None, p["keterangan"].split(",")):
            if k.startswith("hukdis") and p["hukdis_mulai"]:
                y, m = map(int, p["hukdis_mulai"].split("-"))
                ys, ms = map(int, p["hukdis_sampai"].split("-"))
                cur = int(month[:4]) * 12 + mon
                if not (y * 12 + m <= cur <= ys * 12 + ms):
                    continue
            v = D(str(ket_pct.get(k, 100)))
            if kname is None or v < fk:
                fk, kname = v, k
        W.append(f"kelas {kelas}, {p['status']}"
                 + (f", {p['keterangan']}" if p['keterangan'] else ""))
        if fs != 100:
            why.append(f"{p['status']}={pct(fs)}%")
        if kname:
            if kname.startswith("hukdis") and p["hukdis_mulai"]:
                y, m = map(int, p["hukdis_mulai"].split("-"))
                n = int(month[:4]) * 12 + mon - (y * 12 + m) + 1
                why.append(f"{kname} bulan ke-{n}={pct(fk)}%")
            else:
                why.append(f"{kname}={pct(fk)}%")
        # long leave, status code, preconditions: the lowest % applies
        bypass = False
        cur = int(month[:4]) * 12 + mon
        if p.get("cuti_panjang") and p["cuti_panjang"] in cuti_panjang:
            y, m = map(int, p["cuti_mulai"].split("-")[:2])
            nb = cur - (y * 12 + m) + 1
            if nb >= 1:
                v = D(0)
                for b in cuti_panjang[p["cuti_panjang"]]:
                    if nb >= b["bulan"]:
                        v = D(str(b["pct"]))
                why.append(f"{p['cuti_panjang']} bulan ke-{nb}={pct(v)}%")
                W.append(f"{p['cuti_panjang']} month {nb}: {pct(v)} % "
                         "paid, not scored")
                fk = min(fk, v)
                bypass = True
        if p.get("kode_status") in kode_status:
            v = D(str(kode_status[p["kode_status"]]))
            why.append(f"kode status {p['kode_status']}={pct(v)}%")
            W.append(f"kode status {p['kode_status']}: {pct(v)} %")
            fk = min(fk, v)
        kr = kin.get(p["nip"])
        if "skp" in syarat and (kr is None or kr["skp"] != "ada"
                                or kr["lapor"] != "ya"):
            v = D(str(syarat["skp"]))
            why.append(f"syarat SKP tidak terpenuhi={pct(v)}%")
            W.append(f"syarat SKP not met: {pct(v)} %")
            fk = min(fk, v)
        if ("lhkpn" in syarat and p.get("lhkpn") == "tidak"
                and mon >= syarat.get("lhkpn_dari_bulan", 1)):
            v = D(str(syarat["lhkpn"]))
            why.append(f"syarat LHKPN belum dilaporkan={pct(v)}%")
            W.append(f"syarat LHKPN not reported: {pct(v)} %")
            fk = min(fk, v)
        if "aset" in syarat and p.get("aset") == "tidak":
            v = D(str(syarat["aset"]))
            why.append(f"syarat aset tidak terpenuhi={pct(v)}%")
            W.append(f"syarat aset not met: {pct(v)} %")
            fk = min(fk, v)
        plt_ok = higher = False
        if plt and p["plt_kelas"]:
            pk = int(p["plt_kelas"])
            hari = int(p["plt_hari"]) if p["plt_hari"] else -1
            if hari >= plt["min_hari"] or plt["min_hari"] == 0:
                plt_ok, higher = True, pk > kelas
                why.append(f"plt kelas {pk} "
                           + ("lebih tinggi" if higher else "setingkat")
                           + f"×{hari}="
                           + pct(plt["lebih_tinggi" if higher
                                     else "setingkat"]) + "%")
        if december:
            why.append("desember penuh")
        scored = not december and not bypass
        # disiplin %
        a = absen.get(p["nip"])
        potdis, forfeit = D(0), False
        if scored:
            if a is None:
                potdis = D(100)
                forfeit = bool(dis.get("tk_gugur_tpp"))
                why.append("tanpa absen=100%")
                W.append("no absen row: tanpa_absen tk, disiplin 100 %")
            else:
                parts = []
                for band in ("tl", "psw"):
                    for i in range(4):
                        n = int(a[f"{band}{i + 1}"])
                        if n:
                            bp, kali = D(str(dis[band][i]["pct"])), 0
                            for e in dis[band][i].get("eskalasi") or []:
                                if n >= e["kali"]:
                                    bp, kali = D(str(e["pct"])), e["kali"]
                            v = bp * n
                            esk = f" eskalasi>={kali}" if kali else ""
                            why.append(f"{band.upper()}{i + 1}{esk}×{n}="
                                       f"{pct(v)}%")
                            parts.append(f"{band.upper()}{i + 1} {n} x "
                                         f"{pct(bp)} %" + (
                                             f" (from the {kali}th)"
                                             if kali else ""))
                            potdis += v
                tk = int(a["tk"])
                if tk:
                    v = D(str(dis["tk"])) * tk
                    why.append(f"TK×{tk}={pct(v)}%")
                    parts.append(f"TK {tk} x {dis['tk']} %")
                    potdis += v
                ap = int(a.get("tidak_apel") or 0)
                if ap and dis.get("apel"):
                    v = D(str(dis["apel"])) * ap
                    why.append(f"tidak apel×{ap}={pct(v)}%")
                    parts.append(f"apel {ap} x {pct(D(str(dis['apel'])))} %")
                    potdis += v
                for c in ("cuti_tahunan", "cuti_sakit", "cuti_besar",
                          "cuti_melahirkan", "cuti_alasan_penting", "cltn"):
                    n = int(a.get(c) or 0)
                    cp = D(str((dis.get("cuti") or {}).get(c, 0)))
                    if n and cp:
                        why.append(f"{c}×{n}={pct(cp * n)}%")
                        parts.append(f"{c} {n} x {pct(cp)} %")
                        potdis += cp * n
                if dis.get("tk_gugur_tpp") and tk >= dis["tk_gugur_tpp"]:
                    why.append(f"TK>={dis['tk_gugur_tpp']} gugur TPP×{tk}")
                    forfeit = True
                if parts:
                    W.append("disiplin cut " + " + ".join(parts)
                             + f" = {pct(potdis)} %")
            cap = D(str(dis.get("maks", 100)))
            if potdis > cap:
                why.append(f"maks={pct(cap)}%")
                potdis = cap
            if (a is not None and dis.get("tk_gugur_disiplin")
                    and int(a["tk"]) >= dis["tk_gugur_disiplin"]):
                why.append(f"TK>={dis['tk_gugur_disiplin']} gugur "
                           f"disiplin×{a['tk']}=100%")
                W.append(f"TK {a['tk']} >= {dis['tk_gugur_disiplin']}: "
                         "disiplin part forfeited (100 %)")
                potdis = D(100)
        # produktivitas % paid
        k = kin.get(p["nip"])
        if not scored:
            paid = D(100)
        elif k is None:
            paid = D(str(prod.get("tanpa_kinerja", 0)))
            why.append(f"tanpa kinerja={pct(paid)}%")
        elif k["skp"] != "ada":
            paid = D(str(prod.get("tanpa_skp", 0)))
            why.append(f"tanpa SKP={pct(paid)}%")
        elif k["lapor"] != "ya":
            paid = D(str(prod.get("tidak_lapor", 0)))
            why.append(f"tidak lapor={pct(paid)}%")
        elif prod.get("dasar") == "capaian":
            c = D(k["capaian_pct"])
            bands = prod.get("capaian")
            if bands:
                b = next(b for b in bands if c >= D(str(b["dari"])))
                paid = D(str(b["pct"]))
                why.append(f"capaian {pct(c)} (>={pct(D(str(b['dari'])))})"
                           f"={pct(paid)}%")
            else:
                paid = min(c, D(100))
                why.append(f"capaian {pct(c)}={pct(paid)}%")
        else:
            paid = D(str(pred_pct[k["predikat"]]))
            why.append(f"predikat {k['predikat']}={pct(paid)}%")
        kh = None
        if (scored and kurang_hadir and a is not None and "hadir" in a):
            masuk = (int(a["hadir"]) + int(a.get("lupa_absen") or 0)
                     + int(a.get("dinas_luar") or 0))
            if masuk < kurang_hadir["hari"]:
                kh = D(str(kurang_hadir["porsi"]))
                why.append(f"masuk<{kurang_hadir['hari']} hari: porsi "
                           f"produktivitas×{masuk}={pct(kh)}%")
                W.append(f"at work {masuk} days < {kurang_hadir['hari']}:"
                         f" produktivitas {pct(kh)} % of the pagu instead "
                         f"of {pct(porsi_p)} %")
        sk = None
        if scored and sakip_s and p.get("sakip_pct"):
            sk = min(D(p["sakip_pct"]), D(100))
            why.append(f"SAKIP OPD ({pct(sakip_s)}% produktivitas)="
                       f"{pct(sk)}%")
            W.append(f"SAKIP {pct(sk)} % on {pct(sakip_s)} % of the "
                     "produktivitas part")
        eff = paid
        if sk is not None:
            eff = (paid * (100 - sakip_s) / 100 + sk * sakip_s / 100
                   ).quantize(D("0.0001"), rounding=ROUND_HALF_UP)
        if kh is not None:
            eff = (eff * kh / porsi_p).quantize(D("0.0001"),
                                                rounding=ROUND_HALF_UP)
        W.append(f"disiplin cut {pct(potdis)} % of its part; "
                 f"produktivitas paid {pct(paid)} %")
        basic = tetap = dpagu = ppagu = disb = prodb = 0
        for c in R["komponen"]:
            tbl = c["kelas"]
            own = tbl[kelas]
            src = ""
            if p["jabatan"] in (c.get("jabatan") or {}):
                own, src = c["jabatan"][p["jabatan"]], " (jabatan)"
            elif p["opd"] in (c.get("opd") or {}):
                own, src = c["opd"][p["opd"]], " (OPD)"
            x = D(own)
            desc = f"{rp(own)}{src}"
            if plt_ok:
                pa = D(tbl[int(p["plt_kelas"])])
                if higher:
                    alt = pa * D(str(plt["lebih_tinggi"])) / 100
                    if alt > x:
                        x = alt
                    desc = (f"max({desc}, {plt['lebih_tinggi']} % x "
                            f"{rp(int(pa))})")
                else:
                    x += pa * D(str(plt["setingkat"])) / 100
                    desc += f" + {plt['setingkat']} % x {rp(int(pa))}"
            exact = x * fs / 100 * fk / 100
            pagu = rnd(exact, c.get("pembulatan", "half_up"))
            if fs != 100 or fk != 100:
                desc += f" x {pct(fs)} % x {pct(fk)} %"
            if x == 0 and not src:
                continue
            W.append(f"{c['nama']}: {desc} = {exact.normalize():f} -> "
                     f"{rp(pagu)}")
            basic += pagu
            if forfeit:
                continue
            if not c.get("dinilai", True) or bypass:
                tetap += pagu
                W.append(f"  not scaled: paid {rp(pagu)}")
                continue
            dx = D(pagu) * porsi_d / 100
            dp = rnd(dx)
            pp = pagu - dp
            px = D(dp) * potdis / 100
            pot = rnd(px)
            rmode = c.get("pembulatan", "half_up")
            base = pp
            PW = []                  # produktivitas working, after disiplin
            if kh is not None:
                base = rnd(D(pp) * kh / porsi_p, rmode)
                PW.append(f"  produktivitas {rp(pp)} x {pct(kh)}/"
                         f"{pct(porsi_p)} = {(D(pp) * kh / porsi_p):.4f} "
                         f"-> {rp(base)}")
            if sk is not None:
                kb = rnd(D(base) * (100 - sakip_s) / 100, rmode)
                sb = base - kb
                pk = rnd(D(kb) * paid / 100, rmode)
                ps = rnd(D(sb) * sk / 100, rmode)
                PW.append(f"  kinerja {pct(100 - sakip_s)} % of {rp(base)} ="
                         f" {rp(kb)} x {pct(paid)} % -> {rp(pk)}; SAKIP "
                         f"{rp(sb)} x {pct(sk)} % = "
                         f"{(D(sb) * sk / 100).normalize():f} -> {rp(ps)}")
                pr = pk + ps
                qx = D(pr)
            else:
                qx = D(base) * paid / 100
                pr = rnd(qx, rmode)
            d = dp - pot
            if d < 0:
                pr += d
                d = 0
            W.append(f"  disiplin {pct(porsi_d)} % = {dx.normalize():f} -> "
                     f"{rp(dp)}; produktivitas {rp(pagu)} - {rp(dp)} = "
                     f"{rp(pp)}")
            if potdis:
                W.append(f"  cut {pct(potdis)} % x {rp(dp)} = "
                         f"{px.normalize():f} -> {rp(pot)}; disiplin paid "
                         f"{rp(d)}")
            W.extend(PW)
            if paid != 100 and sk is None and kh is None:
                W.append(f"  produktivitas {pct(paid)} % x {rp(pp)} = "
                         f"{qx.normalize():f} -> {rp(pr)}")
            dpagu += dp
            ppagu += pp
            disb += d
            prodb += pr
        if forfeit:
            dpagu = ppagu = 0
            potdis_out, potprod_out = D(100), D(100)
            W.append("TPP forfeited: bruto 0")
        else:
            potdis_out, potprod_out = potdis, 100 - eff
        bruto = tetap + disb + prodb
        for col in ("cuti_rp", "hukdis_rp", "tgr_rp"):
            amt = int(p.get(col) or 0)
            if col in potongan_rp and amt > 0:
                v = min(amt, bruto)
                why.append(f"{col} Rp {rp(v)}"
                           + (" (dibatasi TPP)" if v < amt else ""))
                W.append(f"{col}: Rp {rp(v)} off the TPP")
                bruto -= v
        W.append(f"bruto {rp(tetap)} + {rp(disb)} + {rp(prodb)} "
                 + "".join(f"- {rp(int(p.get(c) or 0))} " for c in
                           ("cuti_rp", "hukdis_rp", "tgr_rp")
                           if c in potongan_rp and p.get(c))
                 + f"= {rp(bruto)}")
        g = int(p["gaji"] or 0)
        iuran = pemda = 0
        if bpjs:
            base = basic if bpjs["dasar"] == "nominal" else bruto
            cap = bpjs["batas"]
            dasar = min(g + base, cap) - min(g, cap)
            iuran = rnd(D(dasar) * D(str(bpjs["pegawai"])) / 100)
            pemda = rnd(D(dasar) * D(str(bpjs["pemberi_kerja"])) / 100)
            W.append(f"BPJS: min({rp(g)} + {rp(base)}, {rp(cap)}) - "
                     f"min({rp(g)}, {rp(cap)}) = {rp(dasar)}; 1 % = "
                     f"{rp(iuran)}, 4 % = {rp(pemda)}")
        pph21 = tunj = 0
        if pph["model"] == "flat":
            gol = "pppk" if p["status"] == "pppk" else p["golongan"].split("/")[0]
            t = D(str(pph["tarif"][gol]))
            pph21 = rnd(D(bruto) * t / 100)
            W.append(f"PPh flat {gol} {pct(t)} % x {rp(bruto)} = "
                     f"{rp(pph21)}")
        elif pph["model"] == "ter":
            cat = CAT.get(p["ptkp"], "A")
            allb = g + bruto
            ra, rg = ter(cat, allb), ter(cat, g)
            on_all, on_g = rnd(D(allb) * ra / 100), rnd(D(g) * rg / 100)
            pph21 = max(0, on_all - on_g)
            W.append(f"PPh TER {cat}: {pct(ra)} % x {rp(allb)} = "
                     f"{rp(on_all)} - {pct(rg)} % x {rp(g)} = {rp(on_g)}"
                     f" -> {rp(pph21)}")
        if pph.get("ditanggung") == "apbd":
            tunj = pph21
        netto = max(0, bruto + tunj - pph21)
        if iuran > netto:
            # Pekalongan: "BPJS 4 % dibayar Pemda = 4 x BPJS 1 %", the
            # 1 % capped at the TPP received.
            iuran = netto
            pemda = rnd(D(iuran) * D(str(bpjs["pemberi_kerja"]))
                        / D(str(bpjs["pegawai"])))
            W.append(f"BPJS 1 % capped at what is received: {rp(iuran)};"
                     f" Pemda's 4 % = 4 x {rp(iuran)} = {rp(pemda)}")
        netto -= iuran
        W.append(f"netto {rp(bruto)} + {rp(tunj)} - {rp(pph21)} - "
                 f"{rp(iuran)} = {rp(netto)}")
        name = p["nama"]
        if mode == "--working":
            print(f"{name} ({p['nip']})")
            for w in W:
                print("  " + w)
            print()
        out.append([p["nip"], name, p["opd"], p["jabatan"], p["kelas"],
                    month, basic, dpagu, ppagu, pct(potdis_out),
                    pct(potprod_out), disb if not forfeit else 0,
                    prodb if not forfeit else 0, bruto, pph21, iuran,
                    netto, "; ".join(why), tunj, pemda])
    if mode == "--tsv":
        print("nip\tnama\topd\tjabatan\tkelas\tperiode\tbasic\t"
              "disiplin_pagu\tproduktivitas_pagu\tpotongan_disiplin_pct\t"
              "potongan_produktivitas_pct\tdisiplin\tproduktivitas\tbruto\t"
              "pph21\tiuran_bpjs\tnetto\trincian\ttunjangan_pph\t"
              "bpjs_pemda")
        for o in out:
            print("\t".join(str(v) for v in o))


main()
