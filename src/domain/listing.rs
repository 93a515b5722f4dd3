//! The list as the reader asked for it: query, filters (facets and a date range), sort and page — all of it
//! state that lives in the URL (`#/?q=企业&category=重點新聞&sort=views&page=2`) — and what that state yields:
//! the matching articles in order, and every facet value with the number of articles it would give. The URL also
//! carries the script the articles are shown in (`&script=hans`), so a shared link opens the same way.
//!
//! Facets: category, source, author, tag and — in a set of articles in more than one — language. Several values within one facet are alternatives (OR); facets and the
//! date range combine with AND. A value's count is computed with every other active filter applied but not its
//! own facet's, so it says how many articles ticking it would give. Facet values that differ only by folding
//! (重點新聞 / 重点新闻, `News` / `news`) are one value, shown as first written in the set.

use super::convert::ScriptChoice;
use super::fold::fold;
use super::format::{language_key, language_name};
use super::search::{Hit, IndexBuilder, Query, SearchIndex};
use super::suggest::{correctable, rewrite, words_of, Vocabulary, VocabularyBuilder};
use super::{Article, LoadedSet};
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

/// Orders the list can be put in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sort {
    /// The set's own order: the default without a query.
    Collection,
    /// Query terms in the title first, then newer, then the set's order: the default with a query.
    Relevance,
    Newest,
    Oldest,
    /// Most viewed first.
    Views,
}

impl Sort {
    pub const ALL: [Sort; 5] = [Sort::Collection, Sort::Relevance, Sort::Newest, Sort::Oldest, Sort::Views];

    pub fn key(self) -> &'static str {
        match self {
            Sort::Collection => "collection",
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Views => "views",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The facets, in the order the filter panel shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    Category,
    Source,
    Author,
    Tag,
    /// The article's language: its `lang` as [`language_key`] groups it (`en-GB` is `en`, `zh-TW` `zh-Hant`).
    Language,
}

impl Facet {
    pub const ALL: [Facet; 5] = [Facet::Category, Facet::Source, Facet::Author, Facet::Tag, Facet::Language];

    /// The URL parameter.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Category => "category",
            Facet::Source => "source",
            Facet::Author => "author",
            Facet::Tag => "tag",
            Facet::Language => "language",
        }
    }

    /// A value as the reader sees it: a language by its own name (`fr`: Français), others as they are.
    pub fn value_label(self, value: &str) -> &str {
        match self {
            Facet::Language => language_name(value).unwrap_or(value),
            _ => value,
        }
    }

    fn values(self, a: &Article) -> Vec<&str> {
        match self {
            Facet::Category => a.category.as_deref().into_iter().collect(),
            Facet::Source => a.source.as_deref().into_iter().collect(),
            Facet::Author => a.authors.iter().map(String::as_str).collect(),
            Facet::Tag => a.tags.iter().map(String::as_str).collect(),
            Facet::Language => a.lang.as_deref().map(language_key).into_iter().collect(),
        }
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// Everything about the list that the URL holds. Parse with [`ListState::from_query`], write with
/// [`ListState::to_pairs`] / [`ListState::to_query`]; the two round-trip.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListState {
    /// What the reader typed (not folded: it is shown back in the search box).
    pub q: String,
    /// Selected values per facet, in [`Facet::ALL`] order.
    pub selected: [Vec<String>; Facet::ALL.len()],
    /// Inclusive date range, `YYYY-MM-DD`, compared with the date as written in each article's `published`.
    pub from: Option<String>,
    pub to: Option<String>,
    /// `None`: the default ([`ListState::sort`]).
    pub sort: Option<Sort>,
    /// 1-based; `None` is page 1.
    pub page: Option<usize>,
    /// The script the articles are shown in, when the link says (`None`: the reader's remembered choice).
    pub script: Option<ScriptChoice>,
    /// Only the articles the reader has not read to their end (`unread=1`; what was read is the viewer's to say:
    /// [`Collection::listing_marked`]).
    pub unread: bool,
    /// Only the articles the reader saved to read later (`saved=1`; the viewer's to say, as what was read).
    pub saved: bool,
}

/// What the viewer knows of each article that its set does not say: whether the reader has read it to its end,
/// whether they saved it to read later (`read[i]`, `saved[i]` for article `i`; one past the end of either: not).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Marks {
    pub read: Vec<bool>,
    pub saved: Vec<bool>,
}

impl Marks {
    /// Only what was read (nothing saved).
    pub fn read(read: Vec<bool>) -> Marks {
        Marks { read, saved: Vec::new() }
    }

    pub fn is_read(&self, i: usize) -> bool {
        self.read.get(i).copied().unwrap_or(false)
    }

    pub fn is_saved(&self, i: usize) -> bool {
        self.saved.get(i).copied().unwrap_or(false)
    }
}

/// URL parameters as a query string (`q=%E4%BC%81+a&page=2`), as [`ListState::from_query`] reads them back.
pub fn query_string(pairs: &[(String, String)]) -> String {
    form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}

/// The heading an article's address points at: `at=nickel-output` in its query names the heading whose anchor
/// that is ([`Article::heading_anchors`](super::Article::heading_anchors); its element's id is `h-` and the
/// anchor); the viewer scrolls to it when the address is opened (a contents entry's link, shared or opened in a
/// new tab). `None` without one, or for a value that cannot be an anchor ([`is_anchor`](super::article::is_anchor)).
pub fn heading_at(query: &str) -> Option<String> {
    // (Decoded as the viewer writes it, percent-encoded UTF-8: an anchor has no `+`.)
    let query = query.strip_prefix('?').unwrap_or(query);
    let at = query.split('&').find_map(|pair| pair.strip_prefix("at="))?;
    let at = percent_encoding::percent_decode_str(at).decode_utf8().ok()?;
    super::article::is_anchor(&at).then(|| at.into_owned())
}

impl ListState {
    /// Reads a URL query string (with or without the leading `?`). Unknown keys and unusable values (a page of
    /// `0`, a date that is not `YYYY-MM-DD`, an unknown sort) are ignored, never an error.
    pub fn from_query(query: &str) -> ListState {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut s = ListState::default();
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            let v = v.trim();
            match &*k {
                "q" => s.q = v.to_owned(),
                "from" if is_date(v) => s.from = Some(v.to_owned()),
                "to" if is_date(v) => s.to = Some(v.to_owned()),
                "sort" => s.sort = Sort::from_key(v),
                "page" => s.page = v.parse().ok().filter(|p| *p > 1),
                "script" => s.script = ScriptChoice::from_key(v),
                "unread" => s.unread = v == "1",
                "saved" => s.saved = v == "1",
                key => {
                    if let Some(f) = Facet::ALL.into_iter().find(|f| f.key() == key) {
                        if !v.is_empty() && !s.selected[f.slot()].iter().any(|x| x == v) {
                            s.selected[f.slot()].push(v.to_owned());
                        }
                    }
                }
            }
        }
        s
    }

    /// The state as URL parameters, in a fixed order; defaults are left out.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if !self.q.trim().is_empty() {
            out.push(("q".to_owned(), self.q.clone()));
        }
        for f in Facet::ALL {
            for v in &self.selected[f.slot()] {
                out.push((f.key().to_owned(), v.clone()));
            }
        }
        for (k, v) in [("from", &self.from), ("to", &self.to)] {
            if let Some(v) = v {
                out.push((k.to_owned(), v.clone()));
            }
        }
        if self.unread {
            out.push(("unread".to_owned(), "1".to_owned()));
        }
        if self.saved {
            out.push(("saved".to_owned(), "1".to_owned()));
        }
        if let Some(sort) = self.sort {
            out.push(("sort".to_owned(), sort.key().to_owned()));
        }
        if let Some(p) = self.page.filter(|p| *p > 1) {
            out.push(("page".to_owned(), p.to_string()));
        }
        if let Some(script) = self.script {
            out.push(("script".to_owned(), script.key().to_owned()));
        }
        out
    }

    /// The state as a query string without `?` (empty for the default state).
    pub fn to_query(&self) -> String {
        query_string(&self.to_pairs())
    }

    /// The sort in force: the chosen one, else relevance when there is a query, else the set's order.
    pub fn sort(&self) -> Sort {
        self.sort.unwrap_or(if Query::parse(&self.q).include.is_empty() { Sort::Collection } else { Sort::Relevance })
    }

    pub fn selected(&self, facet: Facet) -> &[String] {
        &self.selected[facet.slot()]
    }

    /// True when anything narrows the list (a query, a facet value, a date, unread only, saved only).
    pub fn is_filtered(&self) -> bool {
        !Query::parse(&self.q).is_empty()
            || self.selected.iter().any(|v| !v.is_empty())
            || self.from.is_some()
            || self.to.is_some()
            || self.unread
            || self.saved
    }

    /// The one facet value this list is of — one category, source, author or tag, and nothing else that narrows it
    /// (a query, another value, a date, unread or saved only; a sort or a page may be set) —: what a link from an
    /// article's category (source, author, tag) opens. `None` for any other list.
    pub fn only_value(&self) -> Option<(Facet, &str)> {
        if !self.q.trim().is_empty() || self.from.is_some() || self.to.is_some() || self.unread || self.saved {
            return None;
        }
        let mut one = None;
        for f in Facet::ALL {
            for v in self.selected(f) {
                if one.replace((f, v.as_str())).is_some() {
                    return None;
                }
            }
        }
        one
    }

    /// The same state with `value` of `facet` ticked or unticked, back on page 1.
    pub fn toggled(&self, facet: Facet, value: &str) -> ListState {
        let mut next = self.clone();
        let list = &mut next.selected[facet.slot()];
        match list.iter().position(|v| v == value) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(value.to_owned()),
        }
        next.page = None;
        next
    }

    /// The state without query, filters or page: only the sort and the script stay.
    pub fn cleared(&self) -> ListState {
        ListState { sort: self.sort, script: self.script, ..ListState::default() }
    }

    /// The same state on page `page`.
    pub fn on_page(&self, page: usize) -> ListState {
        ListState { page: (page > 1).then_some(page), ..self.clone() }
    }
}

/// A page of a list in a line, for a search engine's snippet of it (`<meta name="description">`): its articles'
/// titles (trimmed; empty ones left out), ` · ` between, as many whole titles as fit in `max_chars` characters
/// (then `…`); a first title longer than that cut at it.
pub fn titles_line<'a>(titles: impl IntoIterator<Item = &'a str>, max_chars: usize) -> String {
    let mut line = String::new();
    let mut chars = 0;
    for title in titles.into_iter().map(str::trim).filter(|t| !t.is_empty()) {
        let (sep, n) = if line.is_empty() { ("", 0) } else { (" · ", 3) };
        let len = title.chars().count();
        if chars + n + len > max_chars {
            if line.is_empty() {
                let cut = title.char_indices().nth(max_chars).map_or(title.len(), |(i, _)| i);
                line.push_str(title[..cut].trim_end());
            }
            line.push('…');
            break;
        }
        line.push_str(sep);
        line.push_str(title);
        chars += n + len;
    }
    line
}

/// One facet value as the filter panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// As first written in the set.
    pub label: String,
    /// Articles the list would have with this value ticked (the other facets' selections applied).
    pub count: usize,
    pub selected: bool,
}

/// The facet values of a set, folded and numbered once at load.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetIndex {
    /// Per facet: value labels, and per article the ids of its values: article `i`'s are
    /// `ids[f][at[f][i]..at[f][i + 1]]` (one flat array per facet, so counting reads memory in order).
    labels: [Vec<String>; Facet::ALL.len()],
    /// Per facet and value: how many articles have it.
    counts: [Vec<u32>; Facet::ALL.len()],
    keys: [HashMap<String, u32>; Facet::ALL.len()],
    at: [Vec<u32>; Facet::ALL.len()],
    ids: [Vec<u32>; Facet::ALL.len()],
}

impl FacetIndex {
    pub fn build(articles: &[Article]) -> FacetIndex {
        let mut ix = FacetIndex::default();
        for f in Facet::ALL {
            let slot = f.slot();
            ix.at[slot].push(0);
            for a in articles {
                let first = ix.ids[slot].len();
                for v in f.values(a) {
                    let key = fold(v);
                    if key.is_empty() {
                        continue;
                    }
                    let next = ix.labels[slot].len() as u32;
                    let id = *ix.keys[slot].entry(key).or_insert_with(|| {
                        ix.labels[slot].push(v.trim().to_owned());
                        ix.counts[slot].push(0);
                        next
                    });
                    if !ix.ids[slot][first..].contains(&id) {
                        ix.ids[slot].push(id);
                        ix.counts[slot][id as usize] += 1;
                    }
                }
                ix.at[slot].push(ix.ids[slot].len() as u32);
            }
        }
        ix
    }

    /// The value ids of article `i` in facet slot `f`.
    fn values(&self, f: usize, i: usize) -> &[u32] {
        &self.ids[f][self.at[f][i] as usize..self.at[f][i + 1] as usize]
    }

    /// What article `i` could have in common with another: each of its facet values that another article could
    /// share, as (facet slot, value id, weight) — how rare the value is in the set (`ln(articles / articles with
    /// it)`: a value every article has says nothing) times the facet's weight: a tag or an author 2, a category
    /// 1, a source or a language ½ (a set from one site shares it throughout; in a set in two languages, a reader
    /// of one is better served by another article in it).
    fn affinities(&self, i: usize, articles: usize) -> Vec<(usize, u32, f32)> {
        const WEIGHTS: [f32; Facet::ALL.len()] = [1.0, 0.5, 2.0, 2.0, 0.5];
        let mut out = Vec::new();
        for (f, weight) in WEIGHTS.iter().enumerate() {
            for &v in self.values(f, i) {
                let with = self.counts[f][v as usize];
                if with > 1 && (with as usize) < articles {
                    out.push((f, v, weight * (articles as f32 / with as f32).ln()));
                }
            }
        }
        out
    }

    fn id_of(&self, facet: Facet, value: &str) -> Option<u32> {
        self.keys[facet.slot()].get(&fold(value)).copied()
    }
}

/// The values of one facet to show when the reader has asked for all of them: those whose label contains
/// `filter` (both folded, so 重點 finds 重点 and `li` finds `Li`; every value when it is blank), in their order, at
/// most `limit` of them, plus every selected value wherever it ranks and whatever the filter (so that it can be
/// unticked). Also: how many more values match than are shown.
pub fn shown_facet_values<'a>(values: &'a [FacetValue], filter: &str, limit: usize) -> (Vec<&'a FacetValue>, usize) {
    let filter = fold(filter);
    let mut shown = Vec::new();
    let mut hidden = 0;
    for v in values.iter().filter(|v| v.selected || filter.is_empty() || fold(&v.label).contains(&filter)) {
        if shown.len() < limit || v.selected {
            shown.push(v);
        } else {
            hidden += 1;
        }
    }
    (shown, hidden)
}

/// A loaded set with its search and facet indexes: what the viewer holds once the file is read. The search
/// index is built on first use ([`Collection::index`]), so the first page can be painted before it exists.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection {
    pub set: LoadedSet,
    index: OnceCell<SearchIndex>,
    /// The index while it is being built a slice at a time ([`Collection::build_index_step`]).
    building: RefCell<Option<IndexBuilder>>,
    facets: FacetIndex,
    /// The orders that are not the set's own: [newest, oldest, most viewed] (an unknown date or view count
    /// after the known ones; ties in the set's order). Made once at load, so that ordering the hits of a query
    /// compares no dates or counts ([`ordered`]).
    orders: [Order; 3],
    /// Whether 繁/简 conversion is offered for this set ([`super::convert::offers_conversion`]).
    offers_conversion: bool,
    /// The set's words for corrections ([`Collection::suggestion`]), gathered after the index in slices
    /// ([`Collection::prepare_step`]), or at once when a correction is needed first.
    vocabulary: OnceCell<Vocabulary>,
    gathering: RefCell<Option<VocabularyBuilder>>,
}

/// What a [`ListState`] yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// Indices into the set's articles, in the order shown.
    pub results: Vec<usize>,
    /// Per facet (in [`Facet::ALL`] order): the values with their counts, most frequent first; selected values
    /// are always listed, even at 0.
    pub facets: Vec<(Facet, Vec<FacetValue>)>,
    /// The sort used.
    pub sort: Sort,
    /// The query's folded plain terms, for highlighting.
    pub terms: Vec<String>,
    /// How many of the list's articles (as the other filters make it) the reader has not read to their end: what
    /// "unread only" would leave.
    pub unread: usize,
    /// How many of them the reader saved: what "saved only" would leave.
    pub saved: usize,
}

impl Collection {
    pub fn new(set: LoadedSet) -> Collection {
        let facets = FacetIndex::build(&set.articles);
        // 40-bit sort keys: seconds ± 2^39 (the years ±9999 of a date are ±3.2·10^11 s), views up to 2^40 − 2
        // (more count as that many); unknown last.
        const UNKNOWN: u64 = (1 << 40) - 1;
        let seconds = |a: &Article| a.published.as_ref().map(|p| p.unix_seconds().clamp(-(1 << 39) + 1, (1 << 39) - 1));
        let orders = [
            rank_by(set.articles.iter().map(|a| seconds(a).map_or(UNKNOWN, |t| ((1 << 39) - t) as u64))),
            rank_by(set.articles.iter().map(|a| seconds(a).map_or(UNKNOWN, |t| ((1 << 39) + t) as u64))),
            rank_by(set.articles.iter().map(|a| a.views.map_or(UNKNOWN, |v| UNKNOWN - 1 - v.get().min(UNKNOWN - 1)))),
        ];
        let offers_conversion = super::convert::offers_conversion(&set.articles);
        Collection {
            set,
            index: OnceCell::new(),
            building: RefCell::new(None),
            facets,
            orders,
            offers_conversion,
            vocabulary: OnceCell::new(),
            gathering: RefCell::new(None),
        }
    }

    /// Whether the set has Chinese text for 繁/简 conversion to act on (else the viewer does not offer it).
    pub fn offers_conversion(&self) -> bool {
        self.offers_conversion
    }

    /// The search index, built now (or finished, if a build is under way) if it was not yet.
    pub fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| match self.building.borrow_mut().take() {
            Some(mut b) => {
                b.add(&self.set.articles, usize::MAX);
                b.finish()
            }
            None => SearchIndex::build(&self.set.articles),
        })
    }

    /// Builds up to `max` more articles into the index; true when it is complete. Lets the viewer build the
    /// index in slices between frames; [`Collection::index`] finishes it at once whenever a search needs it.
    pub fn build_index_step(&self, max: usize) -> bool {
        if self.index.get().is_some() {
            return true;
        }
        let mut building = self.building.borrow_mut();
        let b = building.get_or_insert_with(|| IndexBuilder::new(&self.set.articles));
        if !b.add(&self.set.articles, max) {
            return false;
        }
        let b = building.take().expect("present");
        drop(building);
        let _ = self.index.set(b.finish());
        true
    }

    /// Does up to `max` articles' worth of what searching needs, a slice at a time between frames: builds the
    /// index ([`Collection::build_index_step`]), then gathers the words that "did you mean" corrects against
    /// (from the call after the index is complete: its articles take another time); true when both are done.
    pub fn prepare_step(&self, max: usize) -> bool {
        if !self.is_indexed() {
            self.build_index_step(max);
            return false;
        }
        if self.vocabulary.get().is_some() {
            return true;
        }
        let mut gathering = self.gathering.borrow_mut();
        if !gathering.get_or_insert_with(VocabularyBuilder::default).add(self.index(), max) {
            return false;
        }
        let words = gathering.take().expect("present").finish();
        drop(gathering);
        let _ = self.vocabulary.set(words);
        true
    }

    /// The set's words: gathered now (or the gathering under way finished) if they were not yet.
    pub fn vocabulary(&self) -> &Vocabulary {
        self.vocabulary.get_or_init(|| match self.gathering.borrow_mut().take() {
            Some(mut b) => {
                b.add(self.index(), usize::MAX);
                b.finish()
            }
            None => Vocabulary::build(self.index()),
        })
    }

    /// True once the search index exists.
    pub fn is_indexed(&self) -> bool {
        self.index.get().is_some()
    }

    pub fn articles(&self) -> &[Article] {
        &self.set.articles
    }

    /// Up to `max` articles related to article `i`, most related first: those that share its rarer tags,
    /// authors, category or source ([`FacetIndex::affinities`]); of equal ones, the closer in date, then the closer
    /// in the set's order. None for an article that shares nothing with another (or only what every article has).
    pub fn related(&self, i: usize, max: usize) -> Vec<usize> {
        let articles = &self.set.articles;
        if max == 0 || i >= articles.len() {
            return Vec::new();
        }
        let seconds = |a: &Article| a.published.as_ref().map(|p| p.unix_seconds());
        let mine = articles.get(i).and_then(seconds);
        let shared = self.facets.affinities(i, articles.len());
        if shared.is_empty() {
            return Vec::new();
        }
        // (−affinity, distance in time, distance in the set): the smaller the better, compared as a tuple. The
        // best `max` are kept in order by insertion (no sort: few are kept); an article's date is read only when
        // it could be one of them.
        let mut best: Vec<(usize, (f32, u64, usize))> = Vec::with_capacity(max + 1);
        for j in (0..articles.len()).filter(|&j| j != i) {
            let affinity: f32 =
                shared.iter().filter(|(f, v, _)| self.facets.values(*f, j).contains(v)).map(|(.., w)| w).sum();
            if affinity <= 0.0 || (best.len() == max && -affinity > best[max - 1].1 .0) {
                continue;
            }
            let apart = match (mine, seconds(&articles[j])) {
                (Some(a), Some(b)) => a.abs_diff(b),
                _ => u64::MAX,
            };
            let k = (-affinity, apart, i.abs_diff(j));
            if best.len() == max && k >= best[max - 1].1 {
                continue;
            }
            let at = best.iter().position(|(_, b)| k < *b).unwrap_or(best.len());
            best.insert(at, (j, k));
            best.truncate(max);
        }
        best.into_iter().map(|(j, _)| j).collect()
    }

    /// For a `state` whose query finds nothing: the query with its misspelt words corrected (see
    /// [`super::suggest`]), when that finds something under the same filters and dates (and with `unread`, among
    /// the articles `marks` does not say were read, with `saved` among those it says were saved: see
    /// [`Collection::listing_marked`]).
    pub fn suggestion(&self, state: &ListState, marks: &Marks) -> Option<String> {
        let index = self.index();
        let alone = |t: &str| Query { include: vec![t.to_owned()], ..Query::default() };
        // The words of the terms (a term's own, a phrase's) that find nothing on their own (each searched once).
        let mut misspelt: Vec<String> = Vec::new();
        for t in Query::parse(&state.q).include {
            for w in words_of(&t).filter(|w| correctable(w)) {
                if !misspelt.iter().any(|m| m == w) && index.search(&alone(w), 0..index.len()).is_empty() {
                    misspelt.push(w.to_owned());
                }
            }
        }
        if misspelt.is_empty() {
            return None;
        }
        let words = self.vocabulary();
        let q = rewrite(&state.q, |t| {
            misspelt.iter().any(|m| m == t).then(|| words.correct(t)).flatten().map(str::to_owned)
        })?;
        let next = ListState { q, page: None, ..state.clone() };
        (!self.listing_marked(&next, marks).results.is_empty()).then_some(next.q)
    }

    /// The list for `state`: search, filter, count facet values, sort (as if the reader had read nothing: see
    /// [`Collection::listing_marked`]).
    pub fn listing(&self, state: &ListState) -> Listing {
        self.listing_marked(state, &Marks::default())
    }

    /// The list for `state` when the reader has read to their end and saved the articles `marks` says: search,
    /// filter (with `unread`, only those not read; with `saved`, only those saved), count facet values, the unread
    /// and the saved, sort.
    pub fn listing_marked(&self, state: &ListState, marks: &Marks) -> Listing {
        let articles = &self.set.articles;
        let is_read = |i: usize| marks.is_read(i);
        let query = Query::parse(&state.q);
        // Dates first (cheap), then the text query on what is left.
        let in_range = |a: &Article| {
            if state.from.is_none() && state.to.is_none() {
                return true;
            }
            let Some(p) = &a.published else { return false };
            let day = &p.as_str()[..10.min(p.as_str().len())];
            state.from.as_deref().is_none_or(|f| day >= f) && state.to.as_deref().is_none_or(|t| day <= t)
        };
        let candidates = (0..articles.len()).filter(|&i| {
            in_range(&articles[i]) && !(state.unread && is_read(i)) && (!state.saved || marks.is_saved(i))
        });
        let hits: Vec<Hit> = if query.is_empty() {
            candidates
                .map(|index| Hit { index, title_terms: 0, word_terms: 0, title_is_query: false, phrase: false })
                .collect()
        } else {
            self.index().search(&query, candidates)
        };

        // Which facets each hit passes.
        let wanted: Vec<Option<Vec<u32>>> = Facet::ALL
            .iter()
            .map(|&f| {
                let sel = state.selected(f);
                (!sel.is_empty()).then(|| sel.iter().filter_map(|v| self.facets.id_of(f, v)).collect())
            })
            .collect();
        let mut counts: Vec<Vec<usize>> = self.facets.labels.iter().map(|l| vec![0; l.len()]).collect();
        let results: Vec<Hit> = if wanted.iter().all(Option::is_none) {
            // No value ticked: every hit is in the list and counts for each of its values (a facet at a time,
            // reading its arrays in order).
            for (f, counts) in counts.iter_mut().enumerate() {
                for h in &hits {
                    for &v in self.facets.values(f, h.index) {
                        counts[v as usize] += 1;
                    }
                }
            }
            hits
        } else {
            let passes = |f: usize, i: usize| match &wanted[f] {
                None => true,
                Some(ids) => self.facets.values(f, i).iter().any(|v| ids.contains(v)),
            };
            let mut results = Vec::new();
            for h in &hits {
                let pass: [bool; Facet::ALL.len()] = std::array::from_fn(|f| passes(f, h.index));
                let failing = pass.iter().filter(|p| !**p).count();
                if failing == 0 {
                    results.push(*h);
                }
                for f in 0..Facet::ALL.len() {
                    // Counted for facet f when every other facet passes.
                    if failing == 0 || (failing == 1 && !pass[f]) {
                        for &v in self.facets.values(f, h.index) {
                            counts[f][v as usize] += 1;
                        }
                    }
                }
            }
            results
        };

        let facets = Facet::ALL
            .iter()
            .map(|&f| {
                let slot = f.slot();
                let selected_ids: Vec<u32> = wanted[slot].clone().unwrap_or_default();
                // A set in one language has no choice of language to offer.
                if f == Facet::Language && self.facets.labels[slot].len() < 2 && selected_ids.is_empty() {
                    return (f, Vec::new());
                }
                // Most frequent first, then in the order first seen: one sort of 64-bit integers (the count's
                // complement in the top half, the value's id in the low).
                let mut values: Vec<u64> = (0..self.facets.labels[slot].len() as u32)
                    .map(|id| (id, counts[slot][id as usize]))
                    .filter(|(id, c)| *c > 0 || selected_ids.contains(id))
                    .map(|(id, c)| ((u32::MAX - c as u32) as u64) << 32 | id as u64)
                    .collect();
                values.sort_unstable();
                let values = values
                    .into_iter()
                    .map(|k| (k as u32, (u32::MAX - (k >> 32) as u32) as usize))
                    .map(|(id, count)| FacetValue {
                        label: self.facets.labels[slot][id as usize].clone(),
                        count,
                        selected: selected_ids.contains(&id),
                    })
                    .collect();
                (f, values)
            })
            .collect();

        let unread = results.iter().filter(|h| !is_read(h.index)).count();
        let saved = results.iter().filter(|h| marks.is_saved(h.index)).count();
        let sort = state.sort();
        let results = match sort {
            Sort::Collection => results.iter().map(|h| h.index).collect(),
            Sort::Relevance => {
                // More title terms first (at most 255 count: a query has a few), then newer.
                ordered(&results, &self.orders[0], true)
            }
            Sort::Newest => ordered(&results, &self.orders[0], false),
            Sort::Oldest => ordered(&results, &self.orders[1], false),
            Sort::Views => ordered(&results, &self.orders[2], false),
        };
        Listing { results, facets, sort, terms: query.include, unread, saved }
    }
}

/// One order of all the articles: each article's place in it, and the article at each place.
#[derive(Debug, Clone, PartialEq)]
struct Order {
    rank: Vec<u32>,
    article: Vec<u32>,
}

/// `hits` in `order`; `by_title`: those with more terms beginning a word in the title first, then those with more
/// beginning a word anywhere (their group), then in `order`. Few hits (fewer than one article in 16) are sorted:
/// one sort of 64-bit integers, group in the top 8 bits, rank in the next 24 (a set has at most 80 MB of JSON,
/// so fewer than 2^24 articles), the article's index in the low 32. More are put in order without comparing
/// them: per group, their places are marked in a bitmap of all places, read back in order.
fn ordered(hits: &[Hit], order: &Order, by_title: bool) -> Vec<usize> {
    if hits.len() * 16 < order.rank.len() {
        ordered_by_sort(hits, order, by_title)
    } else {
        ordered_by_bitmap(hits, order, by_title)
    }
}

/// A hit's group: 0 when ordering by place alone or for a hit whose title is the query, else 255 − (its title
/// terms × 16 + 8 for the phrase + its word terms), counted up to 14 and 7 (more terms in the title, then the
/// phrase, then more terms anywhere: a lower group; never 0).
fn group(h: &Hit, by_title: bool) -> u8 {
    match (by_title, h.title_is_query) {
        (false, _) | (true, true) => 0,
        (true, false) => 255 - ((h.title_terms.min(14) as u8) << 4 | (h.phrase as u8) << 3 | h.word_terms.min(7) as u8),
    }
}

fn ordered_by_sort(hits: &[Hit], order: &Order, by_title: bool) -> Vec<usize> {
    let key = |h: &Hit| (group(h, by_title) as u64) << 56 | (order.rank[h.index] as u64) << 32 | h.index as u64;
    let mut keys: Vec<u64> = hits.iter().map(key).collect();
    keys.sort_unstable();
    keys.into_iter().map(|k| k as u32 as usize).collect()
}

fn ordered_by_bitmap(hits: &[Hit], order: &Order, by_title: bool) -> Vec<usize> {
    // The groups there are (a query has a few terms, so a few groups), in order.
    let mut groups = [false; 256];
    for h in hits {
        groups[group(h, by_title) as usize] = true;
    }
    let mut out = Vec::with_capacity(hits.len());
    let mut places = vec![0u64; order.rank.len().div_ceil(64)];
    for g in (0..=255u8).filter(|&g| groups[g as usize]) {
        for h in hits.iter().filter(|h| group(h, by_title) == g) {
            let r = order.rank[h.index] as usize;
            places[r / 64] |= 1 << (r % 64);
        }
        for (w, word) in places.iter_mut().enumerate() {
            let mut bits = std::mem::take(word);
            while bits != 0 {
                out.push(order.article[w * 64 + bits.trailing_zeros() as usize] as usize);
                bits &= bits - 1;
            }
        }
    }
    out
}

/// The order of the articles by their keys (each below 2^40), ties in the set's order: one sort of 64-bit
/// integers, key in the top 40 bits and the article's index in the low 24 (fewer than 2^24 articles, as above).
/// The same sort as [`ordered_by_sort`]: one sort's code in the wasm.
fn rank_by(keys: impl Iterator<Item = u64>) -> Order {
    let mut sorted: Vec<u64> = keys.enumerate().map(|(i, k)| k << 24 | i as u64).collect();
    sorted.sort_unstable();
    let article: Vec<u32> = sorted.into_iter().map(|k| (k & 0xFF_FFFF) as u32).collect();
    let mut rank = vec![0u32; article.len()];
    for (r, &i) in article.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    Order { rank, article }
}

// A record is at least `{"id":"a","title":"b"},`: the largest set has fewer than 2^24 articles.
const _: () = assert!(super::load::MAX_SET_BYTES / 24 < 1 << 24);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pages_line_holds_the_whole_titles_that_fit() {
        assert_eq!(titles_line(["銅價上漲", " ", "鋁 "], 20), "銅價上漲 · 鋁");
        // 4 + 3 + 4 = 11 characters, and 3 + 1 more for the third title.
        assert_eq!(titles_line(["銅價上漲", "鋁價下跌", "鎳"], 14), "銅價上漲 · 鋁價下跌…");
        assert_eq!(titles_line(["銅價上漲", "鋁價下跌", "鎳"], 15), "銅價上漲 · 鋁價下跌 · 鎳");
        // A first title longer than the line: cut in it.
        assert_eq!(titles_line(["Copper prices rise again", "Tin"], 10), "Copper pri…");
        assert_eq!(titles_line(["Copper prices rise again", "Tin"], 7), "Copper…");
        assert_eq!(titles_line([], 10), "");
    }

    #[test]
    fn an_address_names_a_heading_by_its_anchor() {
        assert_eq!(heading_at("?q=nickel&at=nickel-output").as_deref(), Some("nickel-output"));
        assert_eq!(heading_at("at=h-12&script=hans").as_deref(), Some("h-12"));
        // Words of any script, written encoded in the address.
        assert_eq!(heading_at("at=%E7%94%A2%E9%87%8F-2024").as_deref(), Some("產量-2024"));
        // Nothing that could be more than an id's tail in a selector.
        for other in ["", "?q=h-3", "at=", "at=a%20b", "at=a,body", "at=a%23b", "at=a.b", "at=a%5Db", "xat=h-3"] {
            assert_eq!(heading_at(other), None, "{other}");
        }
        // Not list state: a list link made from the state leaves it out.
        assert_eq!(ListState::from_query("q=a&at=h-3").to_query(), "q=a");
    }

    /// The two ways of ordering hits agree, whatever the hits, groups and order (the list takes one or the other
    /// by how many hits there are).
    #[test]
    fn sorting_and_bitmaps_give_the_same_order() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        for n in [1usize, 2, 63, 64, 65, 200, 1000] {
            let order = rank_by((0..n).map(|_| next(40)));
            for _ in 0..20 {
                let mut hits = Vec::new();
                for index in 0..n {
                    if next(3) == 0 {
                        let title_terms = next(3) as u16;
                        let title_is_query = title_terms > 0 && next(4) == 0;
                        let phrase = next(3) == 0;
                        let word_terms = title_terms + next(3) as u16;
                        hits.push(Hit { index, title_terms, word_terms, title_is_query, phrase });
                    }
                }
                for by_title in [true, false] {
                    let sorted = ordered_by_sort(&hits, &order, by_title);
                    assert_eq!(ordered_by_bitmap(&hits, &order, by_title), sorted, "n = {n}");
                    assert_eq!(sorted.len(), hits.len());
                    // Groups first (a title that is the query, then more title terms first), then places in the
                    // order.
                    let hit = |i: usize| hits.iter().find(|h| h.index == i).unwrap();
                    let terms = |h: &Hit| match h.title_is_query {
                        true => (false, 0, false, 0),
                        false => (true, u16::MAX - h.title_terms, !h.phrase, u16::MAX - h.word_terms),
                    };
                    let key = |&i: &usize| (by_title.then(|| terms(hit(i))), order.rank[i]);
                    assert!(sorted.windows(2).all(|w| key(&w[0]) < key(&w[1])), "n = {n}");
                }
            }
        }
    }

    #[test]
    fn an_order_puts_keys_up_and_ties_in_the_set_order() {
        let order = rank_by([5u64, 1, 5, 0].into_iter());
        assert_eq!(order.article, [3, 1, 0, 2]);
        assert_eq!(order.rank, [2, 1, 3, 0]);
    }
}
