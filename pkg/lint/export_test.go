package lint

// InputValue exposes inputValue to the package's external tests.
var InputValue = inputValue

// IsPrecompiled reports whether e runs the rules compiled at build time.
func IsPrecompiled(e *Engine) bool { return e.precompiled }
