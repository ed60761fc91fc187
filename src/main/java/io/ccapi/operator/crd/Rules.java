package io.ccapi.operator.crd;

/** CEL rules the API server checks at admission (x-kubernetes-validations); the operator checks them again. */
final class Rules {
  /** A transition rule on a field: once the field is set it cannot change (a field that is unset is not checked). */
  static final String IMMUTABLE = "self == oldSelf";

  static final String IMMUTABLE_MESSAGE =
      " is immutable: it names another platform object; delete this resource and create a new one instead";

  private Rules() {}
}
