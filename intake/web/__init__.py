"""HTTP: thin routes that parse input, call the domain and render templates."""
