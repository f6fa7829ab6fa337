package lint

// InputValue exposes inputValue to the package's external tests.
var InputValue = inputValue
