//! Name resolution for conditions: which questions, options, dimensions and
//! levels a condition may refer to from where it is written.

use super::*;
use crate::messages::Ids;

/// Name resolution for conditions: which questions may be referred to from here.
pub(super) struct Names<'a> {
    pub(super) infos: &'a [QInfo],
    /// Only questions before this index may be used (show-if).
    pub(super) before: usize,
    /// The question whose show-if this is.
    pub(super) current: Option<usize>,
    pub(super) dims: &'a [Dimension],
    pub(super) levels: &'a [Level],
    pub(super) scores: bool,
}

impl Scope for Names<'_> {
    fn question(&self, id: &str) -> Result<usize, ScopeError> {
        match self.infos.iter().position(|q| q.id == id) {
            Some(i) if Some(i) == self.current => Err(ScopeError::Itself),
            Some(i) if i >= self.before => Err(ScopeError::Later),
            Some(i) => Ok(i),
            None => Err(ScopeError::Unknown(
                did_you_mean(
                    id,
                    self.infos.iter().take(self.before).map(|q| q.id.as_str()),
                )
                .unwrap_or(Hint::CheckQuestionSpelling),
            )),
        }
    }
    fn option(&self, q: usize, id: &str) -> Option<usize> {
        self.infos.get(q)?.options.iter().position(|o| o == id)
    }
    fn is_multiple(&self, q: usize) -> bool {
        self.infos
            .get(q)
            .is_some_and(|q| q.kind == RawKind::Multiple)
    }
    fn is_ordered(&self, q: usize) -> bool {
        self.infos.get(q).is_some_and(|q| q.kind == RawKind::Scale)
    }
    fn options_of(&self, q: usize) -> Ids {
        ids(self
            .infos
            .get(q)
            .map(|q| q.options.iter())
            .into_iter()
            .flatten())
    }
    fn dimension(&self, id: &str) -> Option<usize> {
        self.dims.iter().position(|d| d.id == id)
    }
    fn has_checks(&self, d: usize) -> bool {
        self.dims.get(d).is_some_and(|d| !d.checks.is_empty())
    }
    fn level(&self, id: &str) -> Option<usize> {
        self.levels.iter().position(|l| l.id == id)
    }
    fn scores_allowed(&self) -> bool {
        self.scores
    }
    fn dimension_ids(&self) -> Ids {
        ids(self.dims.iter().map(|d| &d.id))
    }
    fn level_ids(&self) -> Ids {
        ids(self.levels.iter().map(|l| &l.id))
    }
}
