// The Analytic module is filled by its own issue (see the README's roadmap); until it lands it holds nothing.
