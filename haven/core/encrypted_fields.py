"""Model fields encrypted at rest (haven/core/encryption.py; docs/adr/0019-field-encryption.md).

``EncryptedTextField`` is a TextField to Django and to every reader of the model: its internal
type stays "TextField" and the instance (so ``value_from_object``, forms, ``.values()``) holds
the plaintext; only the column holds ``hv1:<Fernet token>``. ``EncryptedJSONField`` does the
same for a JSONField (the column holds the token as a JSON string).

SQL cannot compare ciphertexts, so every lookup but ``isnull`` and ``= ""`` is refused with a
FieldError instead of silently matching nothing: an exact lookup goes through a blind index
(``BlindIndexField``), a search decrypts the user's visible rows in Python.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from django import forms
from django.core.exceptions import FieldError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.lookups import Exact, IsNull
from django.utils.functional import cached_property

from haven.core import encryption


class _EmptyOnlyExact(Exact):
    """``field=""`` (is it blank?) works; any other value cannot match a ciphertext."""

    def get_prep_lookup(self) -> Any:
        if self.rhs not in ("", None) and not hasattr(self.rhs, "resolve_expression"):
            raise FieldError(
                f"{self.lhs.output_field.name} is encrypted at rest: an exact lookup needs its "
                "blind index, a search decrypts in Python (docs/adr/0019-field-encryption.md)"
            )
        return self.rhs


def _encrypted_lookup(field: models.Field[Any, Any], lookup_name: str) -> Any:
    if lookup_name == "exact":
        return _EmptyOnlyExact
    if lookup_name == "isnull":
        return IsNull
    raise FieldError(
        f"Unsupported lookup {lookup_name!r} on {field.name}: it is encrypted at rest "
        "(docs/adr/0019-field-encryption.md)"
    )


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """Text encrypted with the field keys. ``max_length`` limits the plaintext (validated, not
    a column size); ``single_line`` gives forms a text input rather than a textarea."""

    encrypted = True
    description = "Text encrypted at rest"

    def __init__(self, *args: Any, single_line: bool = False, **kwargs: Any) -> None:
        self.single_line = single_line
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if self.single_line:
            kwargs["single_line"] = True
        return name, path, args, kwargs

    @cached_property
    def validators(self) -> list[Any]:
        found = list(super().validators)
        if self.max_length is not None:
            found.append(MaxLengthValidator(self.max_length))
        return found

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return encryption.decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        if isinstance(value, encryption.AsIs):
            return value.value
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encryption.encrypt(value)

    def get_lookup(self, lookup_name: str) -> Any:
        return _encrypted_lookup(self, lookup_name)

    def formfield(self, **kwargs: Any) -> Any:
        if self.single_line:
            return models.Field.formfield(
                self, **{"form_class": forms.CharField, "max_length": self.max_length, **kwargs}
            )
        return super().formfield(**kwargs)


class EncryptedBytesField(EncryptedTextField):
    """Bytes (a generated PDF, a JSON file) encrypted with the field keys: the column holds the
    token of their base64, so `haven keys rotate` treats it as any encrypted text."""

    description = "Bytes encrypted at rest"
    # for django-stubs: the instance holds bytes, not the text the column holds
    _pyi_private_set_type: bytes  # type: ignore[assignment]
    _pyi_private_get_type: bytes  # type: ignore[assignment]

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        text = super().from_db_value(value, expression, connection)
        return base64.b64decode(text) if text else b""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, bytes | bytearray | memoryview):
            return bytes(value)
        return base64.b64decode(value) if value else b""

    def get_prep_value(self, value: Any) -> Any:
        if isinstance(value, encryption.AsIs):
            return value.value
        if value is None:
            return None
        if isinstance(value, bytes | bytearray | memoryview):
            value = base64.b64encode(bytes(value)).decode("ascii")
        if value == "":
            return value
        return encryption.encrypt(value)


class EncryptedJSONField(models.JSONField):
    """JSON encrypted with the field keys: the column holds the token as a JSON string, the
    instance the decoded value. Key and containment lookups are refused like any other."""

    encrypted = True
    description = "JSON encrypted at rest"

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        stored = super().from_db_value(value, expression, connection)
        if not isinstance(stored, str) or not encryption.is_token(stored):
            return stored  # not yet encrypted: the value as it is
        return json.loads(encryption.decrypt(stored))

    def get_prep_value(self, value: Any) -> Any:
        if isinstance(value, encryption.AsIs):
            return value.value
        if value is None:
            return value
        return encryption.encrypt(json.dumps(value, cls=self.encoder))

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        return _encrypted_lookup(self, lookup_name)

    def get_transform(self, name: str) -> Any:
        raise FieldError(f"{self.name} is encrypted at rest: no key lookups (ADR 0019)")


class BlindIndexField(models.CharField):  # type: ignore[type-arg]
    """The HMAC blind index of another field, kept up to date on every save (and by the bulk
    writers, haven/core/table_writer.py): ``purpose`` "phone" normalises phone numbers.

    ``QuerySet.update()`` bypasses it: update the source field through ``save()``."""

    derived = True

    def __init__(self, *args: Any, source: str = "", purpose: str = "", **kwargs: Any) -> None:
        self.source, self.purpose = source, purpose
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("db_index", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs.update(source=self.source, purpose=self.purpose)
        for default in ("max_length", "blank", "editable", "db_index"):
            kwargs.pop(default, None)
        return name, path, args, kwargs

    def index_of(self, value: str) -> str:
        if self.purpose == "phone":
            return encryption.phone_index(value or "")
        return encryption.blind_index(value or "", purpose=self.purpose)

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        value = self.index_of(getattr(model_instance, self.source))
        setattr(model_instance, self.attname, value)
        return value


def encrypted_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    """The model's encrypted concrete fields."""
    return [f for f in model._meta.concrete_fields if getattr(f, "encrypted", False)]


def encrypted_models() -> list[tuple[type[models.Model], list[models.Field[Any, Any]]]]:
    """Every installed model with encrypted fields, and those fields (for `haven keys rotate`)."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        fields = encrypted_fields(model)
        if fields:
            found.append((model, fields))
    return sorted(found, key=lambda pair: pair[0]._meta.label)
