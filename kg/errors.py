"""The coded error catalog of media-kg.

Every error the user can meet has a code (``E0xx``) and a message that says what
went wrong and how to fix it. All errors derive from :class:`KGError`, so callers
can catch one type.

Example:
    >>> from kg.errors import Errors, InputError
    >>> err = InputError(Errors.E002.format(path="a.txt"))
    >>> str(err).startswith("[E002]")
    True
"""

from __future__ import annotations


class Errors:
    """Message templates, one per code. Use ``Errors.E001.format(...)``."""

    # ingest
    E001 = "[E001] {path}: no such file or folder (or the pattern matches nothing). Check the path."
    E002 = "[E002] {path}: the file is empty; there is nothing to extract."
    E003 = "[E003] {path}: not valid UTF-8 (byte {position}). Re-save the file as UTF-8."
    E004 = "[E004] {path}:{line}: malformed JSON ({detail}). Each line must be one JSON object."
    E005 = ("[E005] {path}:{line}: {detail}: a record needs a non-empty string field \"{key}\" "
            "(and optionally \"id\", \"lang\", \"title\", \"url\", \"date\", \"author\", \"site\").")
    E006 = "[E006] {path}: skipped: unsupported type '{suffix}'. Supported: {supported}."
    E007 = "[E007] {path}:{line}: field \"{field}\" is invalid: {detail}."
    E008 = "[E008] {path}:{line}: duplicate document id '{doc_id}' in this batch; ids must be unique."
    E009 = ("[E009] {path}:{line}: '{doc_id}' repeats an article already read (same id, same text), e.g. an item "
            "of two saved copies of a feed; read once.")
    # ingest: decoding, formats, fields (E070-E079; E070, E071 and E075 are warnings: the article is kept)
    E070 = "[E070] {path}: not UTF-8; decoded as {encoding} (guessed by charset-normalizer)."
    E071 = "[E071] {path}:{line}: field \"{field}\" dropped: {detail}; the article is kept."
    E072 = "[E072] {path}: no readable document in it ({detail})."
    E073 = "[E073] {path}: cannot be read: {detail}."
    E074 = "[E074] {path}:{line}: JSON nested too deeply to parse; skipped."
    E075 = "[E075] {path}: the feed is malformed ({detail}); {count} item(s) recovered."
    E076 = "[E076] {path}: not text ({detail}); skipped."
    E077 = "[E077] {where}: {detail}; skipped."
    E078 = ("[E078] Invalid field mapping '{spec}': {detail}. Use NAME=KEY, NAME one of {names} "
            "(e.g. --field text=body --field date=published).")
    E079 = "[E079] {path}: {count} invisible or control character(s) removed ({kinds})."
    # nlp / models
    E010 = ("[E010] No spaCy model for language '{lang}' is installed (tried: {tried}). {hint}")
    E011 = "[E011] Language '{lang}' is not supported. Supported: {supported}."
    E012 = "[E012] {path}: the lexicon file is invalid: {detail}."
    E013 = "[E013] {path}:{line}: the gazetteer row is invalid: {detail}."
    E014 = ("[E014] {where}: extraction failed ({detail}); the document is skipped and the others go on. "
            "This is a media-kg bug: please report it with the document's text.")
    # store
    E020 = ("[E020] The store at {path} is locked by another writer (pid {pid}). Wait for it to finish, "
            "or remove {lock} if that process is gone.")
    E021 = "[E021] The store at {path} could not be opened: {detail}."
    E022 = "[E022] No store at {path}. Run `kg build` first, or pass --store."
    E023 = "[E023] The store at {path} {problem}."
    E024 = ("[E024] Writing to the store at {path} failed: {detail}. Articles written before are intact "
            "(one transaction each); run the command again.")
    E025 = ("[E025] {path}: no such RDF file or store folder. Pass a .ttl, .trig, .nq or .jsonld file, "
            "or a store folder (run `kg build` to make one).")
    E026 = ("[E026] '{name}' is not a {kind} of the media-kg ontology (ontology/media.ttl). Fix the extractor, "
            "or declare it in the ontology and regenerate kg/namespace (`python -m kg.namespace.regenerate`).")
    # query
    E030 = "[E030] The SPARQL query is invalid: {detail}."
    E031 = "[E031] No named query '{name}'. See `kg query --list`."
    E032 = "[E032] Parameter '{name}' is not declared by query '{query}'. Declared: {declared}."
    E033 = "[E033] Unknown output format '{fmt}'. Choose one of: {choices}."
    # evaluation
    E040 = "[E040] {path}:{line}: the gold record has no \"id\"."
    # resolution / registry
    E050 = "[E050] {path}:{line}: the registry row is invalid: {detail}."
    E051 = "[E051] No entity matches '{name}'. See `kg entities`."
    E052 = "[E052] '{name}' is ambiguous: {candidates}. Use the entity id."
    E053 = "[E053] Cannot merge {a} ({ta}) with {b} ({tb}): their types are incompatible."
    E054 = "[E054] {a} and {b} are marked never-merge in the registry. Remove that line first."
    # builds at scale: parallel and distributed parsing (E060-E069)
    E060 = ("[E060] The Dask cluster '{spec}' cannot be started or reached: {detail}. Check the scheduler address "
            "(tcp://HOST:8786) and that its workers run, or use --dask local:N for a cluster on this machine.")
    E061 = "[E061] --dask '{spec}' is not understood. Use local:N (N worker processes here) or tcp://HOST:PORT."
    # readers and the SPARQL endpoint (E080-E089)
    E080 = ("[E080] The store at {path} is being written (pid {pid}); reading it now could see a half-written "
            "state. Wait for `kg build` to finish, then run the command again.")
    E081 = ("[E081] SERVICE (a federated query, which makes the server fetch other URLs) is refused by this "
            "endpoint{where}.")
    E082 = "[E082] The query ran longer than {seconds:g} s and was stopped. Narrow it (LIMIT, more specific patterns), or start `kg serve --timeout` with more."
    E083 = "[E083] The result has more than {rows} rows. Add LIMIT/OFFSET, or start `kg serve --max-rows` with more."
    E084 = "[E084] {running} queries are already running (the limit); retry shortly, or start `kg serve --max-concurrent` with more."
    E085 = ("[E085] Cross-site request refused ({reason}): this endpoint answers requests from its own origin or "
            "from clients without a browser's Origin (curl, SPARQLWrapper, requests).")
    E086 = "[E086] This endpoint is read-only: SPARQL Update is not accepted."
    E087 = "[E087] The query worker stopped unexpectedly ({detail}); the query was not answered."
    # lexicon schema (E090-E094; kg.lexicon.LexiconSchema declares the keys)
    E090 = "[E090] {path}: unknown lexicon key '{key}': {hint}"
    E091 = "[E091] {path}: lexicon key '{key}' should be {expected}, not {got}{hint}."
    E092 = "[E092] {path}: lexicon key '{key}' is invalid: {detail}."
    E093 = "[E093] {path}: lexicon key '{key}' is written twice in one mapping (first on line {first}); merge them."
    E094 = ("[E094] {path}: frame #{item} has id '{id}', already the id of frame #{first}; frame ids are the stored "
            "rule names and must be unique.")
    # trained media NER (E130-E139)
    E130 = "[E130] {path}: missing; {needs}."
    E131 = "[E131] {path}:{line}: training record skipped: {detail}."
    E132 = ("[E132] No trained media NER at {path} (language '{lang}'). Retrain it from a checkout with "
            "`python -m kg.train.ner --lang {lang}`.")


class KGError(Exception):
    """Root of every media-kg error."""


class InputError(KGError):
    """A document or input file cannot be read; it is reported and skipped."""


class ModelError(KGError):
    """A spaCy model or a rules file is missing or invalid."""


class StoreError(KGError):
    """The RDF store cannot be opened or written."""


class SchemaError(KGError, ValueError):
    """Extracted data uses a class or property the ontology does not declare (a bug to fix)."""


class ExtractionError(KGError):
    """A rule of the extraction failed on one document (a bug): the document is skipped."""


class QueryError(KGError):
    """A SPARQL query or one of its parameters is invalid."""


class ClusterError(KGError):
    """A Dask cluster cannot be started or reached, or its address is malformed."""


class ResolveError(KGError):
    """An entity-registry operation cannot be done."""
