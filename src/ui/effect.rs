//! [`use_effect_on`]: yew's `use_effect_with`, at one copy of yew's effect machinery for the whole app.
//!
//! Each call of `use_effect_with` with its own types of dependencies and closure compiles yew's effect code
//! (compare the dependencies, tear the last run down, run, keep what it returned) once more: ~0.6 KB of wasm per
//! effect, 16 times (9.6 KB). Here the dependencies and the closures are behind trait objects, so yew's code is
//! compiled once and each effect adds only its own closure and a comparison of its dependencies' type (measured:
//! −2.7 KB raw, −1.2 KB brotli; the effects' own bodies stay). clippy.toml turns any other `use_effect_with`
//! away.

use std::any::Any;
use yew::functional::TearDown;
use yew::prelude::*;

/// An effect's dependencies, of any type: equal when of the same type and equal.
struct Deps(Box<dyn DynEq>);

trait DynEq {
    fn as_any(&self) -> &dyn Any;
    fn dyn_eq(&self, other: &dyn Any) -> bool;
}

impl<T: PartialEq + 'static> DynEq for T {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn dyn_eq(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<T>() == Some(self)
    }
}

impl PartialEq for Deps {
    fn eq(&self, other: &Self) -> bool {
        self.0.dyn_eq(other.0.as_any())
    }
}

type Cleanup = Box<dyn FnOnce()>;
type Runner = Box<dyn FnOnce(&Deps) -> Cleanup>;

/// Runs `f` with `deps` after a render when `deps` changed since its last run (and after the first render), as
/// `use_effect_with` does; what `f` returns (nothing, or a closure) is called before the next run and when the
/// component goes away.
#[hook]
pub fn use_effect_on<T, R>(deps: T, f: impl FnOnce(&T) -> R + 'static)
where
    T: PartialEq + 'static,
    R: TearDown,
{
    let runner: Runner = Box::new(move |deps: &Deps| match deps.0.as_any().downcast_ref::<T>() {
        Some(d) => {
            let r = f(d);
            Box::new(move || r.tear_down())
        }
        None => Box::new(|| ()),
    });
    #[allow(clippy::disallowed_methods)] // the one use: every other effect comes here
    use_effect_with(Deps(Box::new(deps)), runner);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependencies_are_equal_only_when_of_one_type_and_equal() {
        let d = |v: Box<dyn DynEq>| Deps(v);
        assert!(d(Box::new(3_u32)) == d(Box::new(3_u32)));
        assert!(d(Box::new(3_u32)) != d(Box::new(4_u32)));
        assert!(d(Box::new(3_u32)) != d(Box::new(3_u64)));
        assert!(d(Box::new(("a", true))) == d(Box::new(("a", true))));
        assert!(d(Box::new(())) == d(Box::new(())));
    }
}
