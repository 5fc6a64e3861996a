import json, sys, jsonschema
comparison = json.load(open(sys.argv[1])); collation = json.load(open(sys.argv[2]))
for path, pointer in zip(sys.argv[3::2], sys.argv[4::2]):
    document = json.load(open(path))
    root = {"$ref": collation["$id"] + pointer}
    try:
        from referencing import Registry, Resource
        registry = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in (comparison, collation)])
        jsonschema.Draft202012Validator(root, registry=registry).validate(document)
    except ImportError:
        resolver = jsonschema.RefResolver.from_schema(root, store={s["$id"]: s for s in (comparison, collation)})
        jsonschema.Draft202012Validator(root, resolver=resolver).validate(document)
print("valid")
