//! `cargo xtask import`: files and folders in, one validated article set out (written atomically).

use anyhow::{bail, Context, Result};
use article_viewer::domain::fold::fold;
use article_viewer::domain::import::{
    import_file, join_pages, parse_fixes, text_chars, FileResult, Format, ImportOptions,
};
use article_viewer::domain::{load_article_set, Article, ArticleId, ArticleSetFile, Block};
use clap::Args;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Extensions read when walking a folder (a file named on the command line is read whatever its name).
const FOLDER_EXTENSIONS: [&str; 10] = ["txt", "md", "markdown", "rss", "atom", "xml", "json", "text", "html", "htm"];

/// A progress bar is shown for more inputs than this.
const PROGRESS_FROM: usize = 200;

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Files, folders or http(s) addresses to import: scraped article text, web pages (HTML), RSS/Atom/JSON
    /// feeds, Markdown with front matter, article-set JSON. Folders are walked recursively (hidden files skipped);
    /// an address is fetched (its relative links and images resolve where it is).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The article set to write.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Merge into the existing output: articles with the same id are updated, the rest kept.
    #[arg(long)]
    pub merge: bool,
    /// Report only; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Fail (and write nothing) on any warning or skipped item.
    #[arg(long)]
    pub strict: bool,
    /// A corrections table (TOML `[[fix]]` entries with `find` and `replace`), applied to scraped text first.
    #[arg(long)]
    pub fixes: Option<PathBuf>,
    /// Time zone of times written without one, as ±HH:MM (default +08:00, China's; +09:00 for a web page or a
    /// Markdown file in Japanese or Korean).
    #[arg(long)]
    pub tz: Option<String>,
    /// The language tag for inputs that do not give one (default: zh-Hant / zh-Hans detected for Chinese).
    #[arg(long)]
    pub lang: Option<String>,
    /// Keep half-width punctuation in Chinese text (`,` `:` `(`…) as it is; by default the marks Chinese text
    /// sets full-width become `，` `：` `（`… (not between digits, nor in Latin text).
    #[arg(long)]
    pub keep_punctuation: bool,
    /// Print a line per article imported: added, updated or unchanged, its id, title, date, language and what
    /// its body holds — to check what the importer made of each input.
    #[arg(short, long)]
    pub verbose: bool,
    /// Fetch each feed item's page (its link) and take the article's text from it when the page has more than the
    /// feed (a summary, "Read more…"); the item's id, title, date and categories stay, the page fills what the
    /// item lacks.
    #[arg(long)]
    pub full_text: bool,
    /// With --full-text: how many pages are fetched at a time (1: one after another; a site whose robots.txt
    /// asks for a Crawl-delay is asked for its pages that far apart).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=32))]
    pub jobs: u16,
    /// With --full-text: fetch the pages whatever the sites' robots.txt say (by default a page it disallows for
    /// `article-viewer-import`, or every page of a site whose robots.txt cannot be read, keeps the feed's text).
    #[arg(long)]
    pub ignore_robots: bool,
    /// The collection title (default: the existing output's title, if any).
    #[arg(long)]
    pub title: Option<String>,
}

/// What a run did, for the summary and the exit status.
#[derive(Default, Debug)]
pub struct Summary {
    pub files: usize,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub kept: usize,
    pub skipped: Vec<String>,
    pub warnings: Vec<String>,
    /// Half-width punctuation marks in Chinese text made full-width.
    pub punctuation: usize,
    /// With --verbose: a line per article imported.
    pub articles: Vec<String>,
    /// With --merge: the imported articles given an existing article's id, as they are at its address.
    pub renamed: Vec<String>,
    /// The articles imported by this run per `lang` (`None`: no language, given or detected).
    pub languages: std::collections::BTreeMap<Option<String>, usize>,
}

impl Summary {
    /// Articles that are in the output because of this run.
    fn valid(&self) -> usize {
        self.added + self.updated + self.unchanged
    }

    /// Whether `--strict` forbids writing.
    fn strict_failed(&self, strict: bool) -> bool {
        strict && !(self.warnings.is_empty() && self.skipped.is_empty())
    }
}

pub fn run(args: &ImportArgs) -> Result<()> {
    let summary = import(args)?;
    print_summary(args, &summary);
    if summary.valid() == 0 {
        bail!("nothing valid was imported");
    }
    if summary.strict_failed(args.strict) {
        bail!(
            "--strict: {} warning(s) and {} skipped item(s); nothing written",
            summary.warnings.len(),
            summary.skipped.len()
        );
    }
    Ok(())
}

fn import(args: &ImportArgs) -> Result<Summary> {
    let offset = args.tz.as_deref().map(parse_offset).transpose()?;
    let fixes = match &args.fixes {
        Some(p) => parse_fixes(&std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?)
            .map_err(anyhow::Error::msg)?,
        None => Vec::new(),
    };
    let opts = ImportOptions {
        fixes,
        offset: offset.unwrap_or(article_viewer::domain::import::DEFAULT_OFFSET),
        zone_by_language: offset.is_none(),
        lang: args.lang.clone(),
        keep_punctuation: args.keep_punctuation,
        address: None,
    };
    let files = collect_inputs(&args.inputs)?;
    let mut summary = Summary { files: files.len(), ..Summary::default() };

    let existing = read_existing(&args.output)?;
    let progress =
        (files.len() > PROGRESS_FROM).then(|| progress_bar(files.len(), "files {elapsed} (eta {eta}) {msg}"));

    let mut imported: Vec<Article> = Vec::new();
    let mut origin: HashMap<String, PathBuf> = HashMap::new();
    let mut fix_counts = vec![0usize; opts.fixes.len()];
    // Title and text → (id, where from), for the articles the output will hold: with --merge, the existing ones.
    let mut same_text: HashMap<u64, (String, String)> = HashMap::new();
    if let (Some(set), true) = (&existing, args.merge) {
        for a in &set.articles {
            if let Some(key) = content_key(a) {
                same_text.entry(key).or_insert_with(|| (a.id.to_string(), args.output.display().to_string()));
            }
        }
    }
    // With --merge, the existing articles by address and source (None where two share them): an imported article
    // with a new id but an existing one's address is that article, its id kept (see `same_address`).
    let mut by_address: HashMap<(String, Option<String>), Option<String>> = HashMap::new();
    if let (Some(set), true) = (&existing, args.merge) {
        for a in &set.articles {
            if let Some(url) = &a.url {
                by_address
                    .entry((url.clone(), a.source.clone()))
                    .and_modify(|id| *id = None)
                    .or_insert_with(|| Some(a.id.to_string()));
            }
        }
    }
    // The existing articles by id (the output's: what is updated, unchanged or new).
    let previous: HashMap<String, &Article> =
        existing.iter().flat_map(|s| s.articles.iter()).map(|a| (a.id.to_string(), a)).collect();
    for path in &files {
        if let Some(bar) = &progress {
            bar.inc(1);
        }
        let shown = path.display().to_string();
        let result = if crate::fetch::is_address(&shown) {
            // An address: fetched, then read as the file it names (its address kept for relative links).
            match crate::fetch::fetch(&shown) {
                Ok(f) => {
                    let note = f.note.clone();
                    // (A multi-page article: its next pages fetched too, and read with it.)
                    let mut result = read_pages(f, &opts, &|_| true, &|| ());
                    result.warnings.extend(note);
                    result
                }
                Err(e) => {
                    summary.skipped.push(format!("{shown}: {e:#}"));
                    continue;
                }
            }
        } else {
            let bytes = match std::fs::read(path) {
                Ok(b) => b,
                Err(e) => {
                    summary.skipped.push(format!("{shown}: cannot be read: {e}"));
                    continue;
                }
            };
            import_file(path, &bytes, &opts)
        };
        for (total, n) in fix_counts.iter_mut().zip(&result.fixes_applied) {
            *total += n;
        }
        if let Some(e) = result.error {
            summary.skipped.push(format!("{shown}: {e}"));
            continue;
        }
        let mut result = result;
        if args.full_text && result.format == Some(Format::Feed) {
            let (jobs, robots) = (usize::from(args.jobs), !args.ignore_robots);
            let notes =
                complete_from_pages(&mut result.articles, &opts, jobs, robots, &mut fix_counts, progress.as_ref());
            summary.warnings.extend(notes.into_iter().map(|w| format!("{shown}: {w}")));
        }
        summary.punctuation += result.punctuation_converted;
        summary.skipped.extend(result.skipped.iter().map(|s| format!("{shown}: {s}")));
        summary.warnings.extend(result.warnings.iter().map(|w| format!("{shown}: {w}")));
        // (An existing id that an article of this file has as its own is not given to another.)
        let own: Vec<String> = result.articles.iter().map(|a| a.id.to_string()).collect();
        for mut article in result.articles {
            if args.merge && !previous.contains_key(article.id.as_str()) {
                if let Some(id) = same_address(&article, &by_address, &origin).filter(|id| !own.contains(id)) {
                    summary.renamed.push(format!("{shown}: {:?} is {id:?}, at the same address", article.id.as_str()));
                    article.id = ArticleId::parse(&id).map_err(|e| anyhow::anyhow!("an existing id: {e}"))?;
                }
            }
            let id = article.id.to_string();
            if let Some(first) = origin.get(&id) {
                summary.skipped.push(format!("{shown}: id {id:?} was already imported from {}", first.display()));
                continue;
            }
            // The same article under another id (a page saved twice, a feed item also scraped) is shown once.
            if let Some(key) = content_key(&article) {
                match same_text.get(&key) {
                    Some((other, from)) if *other != id => {
                        summary.skipped.push(format!(
                            "{shown}: {id:?} has the same title and text as {other:?} (from {from}; compared as search \
                             compares: Traditional = Simplified, case and width aside); not imported twice"
                        ));
                        continue;
                    }
                    _ => {
                        same_text.insert(key, (id.clone(), shown.clone()));
                    }
                }
            }
            origin.insert(id, path.clone());
            imported.push(article);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    for (fix, n) in opts.fixes.iter().zip(&fix_counts) {
        if *n == 0 {
            summary.warnings.push(format!("fix {:?} matched nothing", fix.find));
        }
    }

    // Merge: existing order first (updated in place), new articles after.
    let (title, mut articles) = match (&existing, args.merge) {
        (Some(set), true) => (set.title.clone(), set.articles.clone()),
        (Some(set), false) => (set.title.clone(), Vec::new()),
        (None, _) => (None, Vec::new()),
    };
    summary.kept = articles.len();
    let mut position: HashMap<String, usize> =
        articles.iter().enumerate().map(|(i, a)| (a.id.to_string(), i)).collect();
    for article in imported {
        let id = article.id.to_string();
        let status = match previous.get(&id) {
            Some(old) if **old == article => {
                summary.unchanged += 1;
                "unchanged"
            }
            Some(_) => {
                summary.updated += 1;
                "updated"
            }
            None => {
                summary.added += 1;
                "added"
            }
        };
        if args.verbose {
            summary.articles.push(describe(status, &article));
        }
        *summary.languages.entry(article.lang.clone()).or_default() += 1;
        match position.get(&id) {
            Some(&i) => {
                articles[i] = article;
                summary.kept -= 1;
            }
            None => {
                position.insert(id, articles.len());
                articles.push(article);
            }
        }
    }

    let file = ArticleSetFile { version: 1, title: args.title.clone().or(title), articles };
    let json = file.to_json_pretty();
    // One set of rules: what the importer writes, the viewer must load without skipping anything.
    let check = load_article_set(&json).map_err(|e| anyhow::anyhow!("internal error: output does not load: {e}"))?;
    if !check.skipped.is_empty() || !check.warnings.is_empty() {
        bail!("internal error: the viewer would reject part of the output: {:?}", check.skipped);
    }
    if !args.dry_run && summary.valid() > 0 && !summary.strict_failed(args.strict) {
        write_atomically(&args.output, json.as_bytes())?;
    }
    Ok(summary)
}

/// A progress bar of `len` steps, on standard error when it is a terminal: the bar, `done/len`, then `what`.
pub(crate) fn progress_bar(len: usize, what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(len as u64);
    let template = format!("{{bar:40}} {{pos}}/{{len}} {what}");
    bar.set_style(indicatif::ProgressStyle::with_template(&template).expect("a valid template"));
    bar
}

/// A site the feed's items link to: what its robots.txt lets the importer fetch, and when its next page may be
/// asked for (its Crawl-delay after the last).
struct Site {
    robots: crate::fetch::Robots,
    next: std::sync::Mutex<std::time::Instant>,
}

/// The origin (`https://host[:port]`) of `address`, a site's robots.txt being at its root.
fn origin(address: &str) -> Option<String> {
    let url = url::Url::parse(address).ok()?;
    url.has_host().then(|| url.origin().ascii_serialization())
}

/// The sites of `articles`' links, each robots.txt fetched once; a line to say so of each that asks for a
/// Crawl-delay.
fn sites(articles: &[Article]) -> (std::collections::HashMap<String, Site>, Vec<String>) {
    let mut sites = std::collections::HashMap::new();
    let mut notes = Vec::new();
    for link in articles.iter().filter_map(|a| a.url.as_deref()).filter(|u| crate::fetch::is_address(u)) {
        let Some(origin) = origin(link).filter(|o| !sites.contains_key(o)) else { continue };
        let robots = crate::fetch::robots(&origin);
        if let Some(delay) = robots.delay().filter(|d| *d <= crate::fetch::MAX_WAIT) {
            let pages = articles.iter().filter(|a| a.url.as_deref().and_then(self::origin).as_ref() == Some(&origin));
            notes.push(format!(
                "{origin}/robots.txt asks for {delay:?} between requests: its {} page(s) are asked for that far \
                 apart",
                pages.count()
            ));
        }
        // (Asking for robots.txt was a request too.)
        let next = std::time::Instant::now() + robots.delay().unwrap_or_default();
        sites.insert(origin, Site { robots, next: std::sync::Mutex::new(next) });
    }
    (sites, notes)
}

/// `--full-text`: each feed item of `articles` with the text of its page, [`page_of`] fetched `jobs` at a time
/// (a progress bar while they come, or the files' bar's message) where the sites' robots.txt allow it (unless
/// `robots` is false), then [`take_page`] in the feed's order. What to tell the user, in that order.
fn complete_from_pages(
    articles: &mut [Article],
    opts: &ImportOptions,
    jobs: usize,
    robots: bool,
    fix_counts: &mut [usize],
    files_bar: Option<&indicatif::ProgressBar>,
) -> Vec<String> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let n = articles.len();
    let (sites, said) = if robots { sites(articles) } else { Default::default() };
    for line in said {
        match files_bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }
    let own_bar = files_bar.is_none().then(|| progress_bar(n, "pages {elapsed} (eta {eta})"));
    let (next, done) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let tell = |k: usize| match (&own_bar, files_bar) {
        (Some(bar), _) => bar.inc(1),
        (None, Some(bar)) => bar.set_message(format!("{k}/{n} pages")),
        _ => {}
    };
    // A worker: the next item's page until none is left; what it fetched, each page with its place.
    let work = || {
        let mut mine = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(a) = articles.get(i) else { return mine };
            mine.push((i, page_of(a, opts, &sites)));
            tell(done.fetch_add(1, Ordering::Relaxed) + 1);
        }
    };
    let fetched: Vec<(usize, Page)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs.clamp(1, n.max(1))).map(|_| scope.spawn(work)).collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    if let Some(bar) = own_bar {
        bar.finish_and_clear();
    }
    let mut pages: Vec<Option<Page>> = (0..n).map(|_| None).collect();
    for (i, page) in fetched {
        pages[i] = Some(page);
    }
    let mut notes = Vec::new();
    for (a, page) in articles.iter_mut().zip(pages) {
        notes.extend(take_page(a, page.expect("every item was fetched"), fix_counts));
    }
    notes
}

/// What [`page_of`] found at a feed item's link: the page's article, the fixes table's matches in it and its
/// warnings (with whose page it is); or why there is none.
type Page = Result<(Article, Vec<usize>, Vec<String>), String>;

/// The page of feed item `a` (its link), fetched and read as a web page — when its site (of `sites`; any when it
/// is not there) allows it, and after the wait the site asks for.
fn page_of(a: &Article, opts: &ImportOptions, sites: &std::collections::HashMap<String, Site>) -> Page {
    let id = a.id.to_string();
    let Some(link) = a.url.clone().filter(|u| crate::fetch::is_address(u)) else {
        return Err(format!("{id:?} has no link to fetch its page from; the feed's text kept"));
    };
    if let Some((origin, site)) = origin(&link).and_then(|o| sites.get_key_value(&o)) {
        use crate::fetch::Robots;
        match &site.robots {
            Robots::Nothing(why) => {
                return Err(format!(
                    "{id:?}: its page {link} was not fetched: {origin}/robots.txt could not be read ({why}), which \
                     asks robots not to crawl the site (--ignore-robots fetches it anyway); the feed's text kept"
                ))
            }
            r if !r.allows(&link) => {
                return Err(format!(
                    "{id:?}: its page {link} was not fetched: {origin}/robots.txt disallows it for {} \
                     (--ignore-robots fetches it anyway); the feed's text kept",
                    crate::fetch::ROBOT
                ))
            }
            r if r.delay().is_some_and(|d| d > crate::fetch::MAX_WAIT) => {
                return Err(format!(
                    "{id:?}: its page {link} was not fetched: {origin}/robots.txt asks for {:?} between requests, \
                     longer than the importer waits ({:?}; --ignore-robots fetches it anyway); the feed's text kept",
                    r.delay().unwrap_or_default(),
                    crate::fetch::MAX_WAIT
                ))
            }
            _ => {}
        }
    }
    // The wait the site asks for between requests (`Crawl-delay`), before each of its pages is fetched.
    let site = origin(&link).and_then(|o| sites.get(&o));
    let wait = || {
        if let Some((delay, site)) = site.and_then(|s| Some((s.robots.delay()?, s))) {
            let wait = {
                let mut next = site.next.lock().unwrap_or_else(|e| e.into_inner());
                let now = std::time::Instant::now();
                let at = (*next).max(now);
                *next = at + delay;
                at - now
            };
            std::thread::sleep(wait);
        }
    };
    wait();
    let fetched = crate::fetch::fetch(&link)
        .map_err(|e| format!("{id:?}: its page {link} could not be fetched ({e:#}); the feed's text kept"))?;
    // (A multi-page article's next pages too, as far as the site's robots.txt allows.)
    let allowed = |next: &str| site.is_none_or(|s| s.robots.allows(next));
    let result = read_pages(fetched, opts, &allowed, &wait);
    match (result.error, result.format, result.articles.into_iter().next()) {
        (None, Some(Format::Page), Some(page)) => {
            let notes = result.warnings.iter().map(|w| format!("{id:?}'s page {link}: {w}")).collect();
            Ok((page, result.fixes_applied, notes))
        }
        (error, ..) => {
            let why = error.unwrap_or_else(|| "it is not a web page with an article".into());
            Err(format!("{id:?}: its page {link} was not read ({why}); the feed's text kept"))
        }
    }
}

/// The feed item `a` with the text of its page when the page has more of it; what the item lacks (authors, date,
/// views, language, summary, category, tags) taken from the page too. What to tell the user: why the feed's text
/// was kept, and the page's own warnings.
fn take_page(a: &mut Article, page: Page, fix_counts: &mut [usize]) -> Vec<String> {
    let (page, fixes_applied, mut notes) = match page {
        Ok(page) => page,
        Err(why) => return vec![why],
    };
    // (The fixes table applies to the page too: its matches count, or the run would call a fix unused.)
    for (total, n) in fix_counts.iter_mut().zip(&fixes_applied) {
        *total += n;
    }
    if text_chars(&page.body) <= text_chars(&a.body) {
        let link = a.url.as_deref().unwrap_or_default();
        notes
            .push(format!("{:?}: its page {link} has no more text than the feed; the feed's text kept", a.id.as_str()));
        return notes;
    }
    a.body = page.body;
    if a.authors.is_empty() {
        a.authors = page.authors;
    }
    if a.tags.is_empty() {
        a.tags = page.tags;
    }
    a.published = a.published.take().or(page.published);
    a.views = a.views.or(page.views);
    a.lang = a.lang.take().or(page.lang);
    a.summary = a.summary.take().or(page.summary);
    a.category = a.category.take().or(page.category);
    a.editor = a.editor.take().or(page.editor);
    notes
}

/// A hash of an article's title and body text as search compares text (folded: Traditional = Simplified,
/// full-width = half-width, upper = lower case) and without white space, for articles with a body: two articles
/// with the same are the same article (a reprint in the other script is one too: the viewer shows either script).
/// The id of the existing article that `a`, new by its id, is: the one at the same address (`url`) from the same
/// source, when exactly one is there and no article of this import has taken its id yet (`imported`). A feed item
/// without a guid was named by its link and title before 2026-12-03 (by its link alone since), and a site may
/// change the ids it gives: its address says it is the same article, and keeping the id keeps readers' links,
/// bookmarks and reading.
fn same_address(
    a: &Article,
    by_address: &HashMap<(String, Option<String>), Option<String>>,
    imported: &HashMap<String, PathBuf>,
) -> Option<String> {
    let id = by_address.get(&(a.url.clone()?, a.source.clone()))?.as_ref()?;
    (!imported.contains_key(id)).then(|| id.clone())
}

fn content_key(a: &Article) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let texts: Vec<&str> = a.body.iter().flat_map(Block::texts).map(String::as_str).collect();
    if texts.is_empty() {
        return None;
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for t in std::iter::once(a.title.as_str()).chain(texts) {
        fold(t).chars().filter(|c| !c.is_whitespace()).for_each(|c| c.hash(&mut h));
        0xFFFFu32.hash(&mut h);
    }
    Some(h.finish())
}

fn parse_offset(tz: &str) -> Result<time::UtcOffset> {
    let format = time::macros::format_description!("[offset_hour sign:mandatory]:[offset_minute]");
    time::UtcOffset::parse(tz, &format).with_context(|| format!("--tz {tz:?} is not an offset like +08:00"))
}

fn read_existing(output: &Path) -> Result<Option<article_viewer::domain::LoadedSet>> {
    match std::fs::read_to_string(output) {
        Ok(text) => load_article_set(&text)
            .map(Some)
            .map_err(|e| anyhow::anyhow!("the existing {} cannot be read ({e}); move it away first", output.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("reading {}", output.display())),
    }
}

/// Every file named, and every file with a known extension under every folder named, sorted per folder.
fn collect_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        if input.to_str().is_some_and(crate::fetch::is_address) {
            files.push(input.clone());
            continue;
        }
        let meta = std::fs::metadata(input).with_context(|| format!("input {}", input.display()))?;
        if meta.is_file() {
            files.push(input.clone());
            continue;
        }
        let mut stack = vec![input.clone()];
        let mut found = Vec::new();
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).with_context(|| format!("reading folder {}", dir.display()))? {
                let path = entry?.path();
                let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
                if hidden {
                    continue;
                }
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
                    if FOLDER_EXTENSIONS.contains(&ext.as_str()) {
                        found.push(path);
                    }
                }
            }
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, then renames it over `path`: readers see the
/// old file or the new one, never half of one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().context("the output has no file name")?.to_string_lossy();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| -> Result<()> {
        let mut f = std::fs::File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path).with_context(|| format!("replacing {}", path.display()))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// One article in a line: `added  page-zh  "銅價上漲，企業產量增加"  2024-03-01T08:30:00+08:00  zh-Hant  3 paragraphs,
/// 1 image, 52 characters`.
fn describe(status: &str, a: &Article) -> String {
    let (mut paragraphs, mut others, mut images, mut chars) = (0, 0, 0, 0);
    for b in &a.body {
        match b {
            Block::Paragraph { text, .. } => {
                paragraphs += 1;
                chars += text.chars().count();
            }
            Block::Image(_) => images += 1,
            b => {
                others += 1;
                chars += b.texts().iter().map(|t| t.chars().count()).sum::<usize>();
            }
        }
    }
    let date = a.published.as_ref().map_or("-", |p| p.as_str());
    let lang = a.lang.as_deref().unwrap_or("-");
    format!(
        "{status:<9} {}  {:?}  {date}  {lang}  {paragraphs} paragraph(s), {others} other block(s), {images} image(s), {chars} characters",
        a.id, a.title.as_str()
    )
}

fn print_summary(args: &ImportArgs, s: &Summary) {
    for a in &s.articles {
        eprintln!("{a}");
    }
    for w in &s.warnings {
        eprintln!("warning: {w}");
    }
    for k in &s.skipped {
        eprintln!("skipped: {k}");
    }
    for r in &s.renamed {
        eprintln!("kept the id: {r}");
    }
    let written =
        if args.dry_run { "dry run, nothing written".to_owned() } else { format!("→ {}", args.output.display()) };
    eprintln!(
        "{} file(s): {} added, {} updated, {} unchanged, {} kept from before, {} skipped, {} warning(s) ({written})",
        s.files,
        s.added,
        s.updated,
        s.unchanged,
        s.kept,
        s.skipped.len(),
        s.warnings.len()
    );
    if !s.languages.is_empty() {
        // (What the importer took each article to be written in, where the input did not say: a wrong guess shows
        // here, and --lang sets it.)
        // (By tag; those without one last.)
        let (none, tagged): (Vec<_>, Vec<_>) = s.languages.iter().partition(|(lang, _)| lang.is_none());
        let counts: Vec<String> = tagged
            .into_iter()
            .chain(none)
            .map(|(lang, n)| format!("{} {n}", lang.as_deref().unwrap_or("none")))
            .collect();
        eprintln!(
            "languages: {} (as the inputs say, else detected from the text; --lang gives one)",
            counts.join(", ")
        );
    }
    if s.punctuation > 0 {
        eprintln!(
            "{} half-width punctuation mark(s) in Chinese text made full-width (，：（）…; --keep-punctuation keeps them)",
            s.punctuation
        );
    }
}

/// A fetched page read, with the pages of its article after it when it is the first of several: each next page
/// it names (`next_page`) fetched in turn, on the same site, at most [`MAX_PAGES`], none twice, each when
/// `allowed` (the site's robots.txt) and after `wait` (its Crawl-delay), and read once; a page that could not be
/// fetched is said (the article is then the pages before it).
fn read_pages(
    first: crate::fetch::Fetched,
    opts: &ImportOptions,
    allowed: &dyn Fn(&str) -> bool,
    wait: &dyn Fn(),
) -> FileResult {
    let read = |f: &crate::fetch::Fetched| {
        import_file(&f.name, &f.bytes, &ImportOptions { address: Some(f.address.clone()), ..opts.clone() })
    };
    let origin = |a: &str| url::Url::parse(a).map(|u| u.origin()).ok();
    let mut pages = vec![(first.address.clone(), read(&first))];
    let mut notes = Vec::new();
    while pages.len() < MAX_PAGES {
        let Some(next) = pages.last().and_then(|(_, r)| r.next_page.clone()) else { break };
        if pages.iter().any(|(a, _)| *a == next) || origin(&next) != origin(&pages[0].0) {
            break;
        }
        let n = pages.len() + 1;
        if !allowed(&next) {
            notes.push(format!("page {n} of the article ({next}) was not fetched: the site's robots.txt disallows it"));
            break;
        }
        wait();
        match crate::fetch::fetch(&next) {
            Ok(f) => pages.push((f.address.clone(), read(&f))),
            Err(e) => {
                notes.push(format!("page {n} of the article ({next}) could not be fetched: {e:#}"));
                break;
            }
        }
    }
    let mut result = join_pages(pages);
    result.warnings.extend(notes.into_iter().map(|n| format!("{n}; it is without it")));
    result
}

/// How many pages of one article are fetched at most.
const MAX_PAGES: usize = 20;
