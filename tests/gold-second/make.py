# Offsets by plain string search for the second annotator's records (tests/gold-second).
import json, sys
P = {'osr-2016-17-report': 'corpus/003-2016-17-special-representative-report.txt',
     'osce-2006-policy-to-practice': 'corpus/000-2006-from-policy-to-practice.txt'}
T = {k: open(v, encoding='utf-8').read() for k, v in P.items()}
R = [json.loads(l) for l in open('tests/gold-second/regions.jsonl')]

def rec(rep, prefix, suffix, ev, type_, agents, partners=(), date='', place='', country='', implicit=False, anchor=0):
    t = T[rep]
    s = t.find(prefix, anchor)
    assert s >= 0, prefix
    assert t.find(prefix, s + 1) < 0 or anchor, ('ambiguous', prefix)
    e = t.find(suffix, s) + len(suffix)
    assert e > s + len(suffix) - 1, suffix
    d = {"report": rep, "start": s, "end": e, "sentence": t[s:e], "split": "dev", "type": type_,
         "agents": list(agents), "partners": list(partners), "date": date, "place": place,
         "country": country, "provision": "", "event": ev}
    if implicit:
        d["implicit_agent"] = True
    return d

from records_003 import records as r3
try:
    from records_000 import records as r0
except ImportError:
    r0 = lambda rec: []
out = []
for recs in (r3(rec), r0(rec)):
    out += recs
# number events per report in text order of first sentence; lead on first
out.sort(key=lambda d: (d['report'], d['start']))
for rep in P:
    seen = {}
    for d in out:
        if d['report'] != rep: continue
        if d['event'] not in seen:
            seen[d['event']] = '%s#s%03d' % (rep, len(seen) + 1)
            d['lead'] = True
        else:
            d['lead'] = False
    for d in out:
        if d['report'] == rep:
            d['event'] = seen[d['event']]
# check
for d in out:
    assert T[d['report']][d['start']:d['end']] == d['sentence']
    assert any(r['report'] == d['report'] and r['start'] <= d['start'] and d['end'] <= r['end'] for r in R), d['sentence'][:60]
for a, b in zip(out, out[1:]):
    assert not (a['report'] == b['report'] and b['start'] < a['end']), (a['sentence'][:50], b['sentence'][:50])
keys = ["report","start","end","sentence","split","type","agents","partners","date","place","country","provision","event","lead"]
with open('tests/gold-second/activities.jsonl', 'w', encoding='utf-8') as f:
    for d in out:
        o = {k: d[k] for k in keys}
        if d.get('implicit_agent'): o['implicit_agent'] = True
        f.write(json.dumps(o, ensure_ascii=False) + '\n')
print(len(out), 'records', len({d['event'] for d in out}), 'events', sum(1 for d in out if d.get('implicit_agent')), 'implicit')
