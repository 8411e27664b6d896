import json
data = {"name": "MiniPy", "version": 1.5, "tags": ["a", "b"], "nested": {"x": None, "y": True, "z": [1, 2.0, -3e-5]}, "uni": "héllo ☃ 𝄞", "esc": "a\"b\\c\nd\te"}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
print(json.dumps([1, (2, 3), {}], indent=4))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
s = json.dumps(data)
print(json.loads(s) == data, json.loads('[1, 2.5, "x\\u00e9\\ud834\\udd1e", {"a": [true, false, null]}, -0, 1e3]'))
for bad in ['{"a": 1,}', '[1, 2, ]', '[1, 2', '{"a" 1}', 'nope', '"abc', '[1] x']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print(e)
print(json.dumps({"s": {1, 2}}, default=sorted), json.dumps(float("nan")), json.dumps("\x01"))
