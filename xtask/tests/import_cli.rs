//! `cargo xtask import` as a user runs it: real files in a temporary folder, exit codes, atomic output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn seed() -> PathBuf {
    root().join("data/000_7367aa27400e94e4.txt")
}

fn fixes() -> PathBuf {
    root().join("static/fixes.toml")
}

fn import(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask")).arg("import").args(args).output().unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("av-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_committed_article_set_is_what_the_importer_makes_of_the_seed() {
    let dir = scratch("committed");
    let out = dir.join("articles.json");
    let committed = std::fs::read_to_string(root().join("static/articles.json")).unwrap();
    std::fs::write(&out, &committed).unwrap();
    let o = import(&[s(&seed()), "--fixes", s(&fixes()), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("0 skipped, 0 warning(s)"), "{}", stderr(&o));
    assert!(stderr(&o).contains("96 half-width punctuation mark(s) in Chinese text made full-width"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), committed, "regenerate static/articles.json with the importer");
    // --keep-punctuation: the seed's `,` and `(` as the page had them, and nothing said about them.
    let o = import(&[s(&seed()), "--fixes", s(&fixes()), "--keep-punctuation", "--dry-run", "-o", s(&out)]);
    assert!(o.status.success() && stderr(&o).contains("1 updated"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("punctuation"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn without_fixes_the_two_damaged_spans_are_warnings_and_strict_fails_leaving_the_old_file() {
    let dir = scratch("strict");
    let out = dir.join("set.json");
    std::fs::write(&out, "{\"version\":1,\"articles\":[{\"id\":\"old\",\"title\":\"Old\"}]}").unwrap();
    let before = std::fs::read(&out).unwrap();
    let o = import(&[s(&seed()), "--strict", "-o", s(&out)]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.matches("damaged text").count(), 2, "{err}");
    assert!(err.contains("line 6"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), before, "a failed run must leave the old file untouched");
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "temporary files left: {leftovers:?}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn dry_run_writes_nothing() {
    let dir = scratch("dry");
    let out = dir.join("set.json");
    let o = import(&[s(&seed()), "--dry-run", "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 added"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("paragraph(s)"), "no line per article without --verbose: {}", stderr(&o));
    assert!(!out.exists());
    // --verbose: a line per article, to check what the importer made of each input.
    let o = import(&[s(&seed()), "--fixes", s(&fixes()), "--dry-run", "-v", "-o", s(&out)]);
    let line = "added     000_7367aa27400e94e4  \"湖南省有色系統共同維穩工作第十五次會議召開\"  2018-11-30T11:21:00+08:00  zh-Hant  8 paragraph(s), 0 other block(s), 0 image(s), ";
    assert!(stderr(&o).contains(line), "{}", stderr(&o));
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn merge_updates_by_id_and_keeps_the_rest() {
    let dir = scratch("merge");
    let out = dir.join("set.json");
    std::fs::write(
        &out,
        r#"{"version":1,"title":"Mine","articles":[{"id":"keep-me","title":"Kept"},{"id":"000_7367aa27400e94e4","title":"Stale"}]}"#,
    )
    .unwrap();
    let o = import(&[s(&seed()), "--fixes", s(&fixes()), "--merge", "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("0 added, 1 updated, 0 unchanged, 1 kept from before"), "{}", stderr(&o));
    let set: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(set["title"], "Mine");
    assert_eq!(set["articles"][0]["id"], "keep-me");
    assert_eq!(set["articles"][1]["title"], "湖南省有色系統共同維穩工作第十五次會議召開");
    // Again: nothing changes.
    let o = import(&[s(&seed()), "--fixes", s(&fixes()), "--merge", "-o", s(&out)]);
    assert!(stderr(&o).contains("0 added, 0 updated, 1 unchanged, 1 kept from before"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(dir);
}

/// With --merge, an article with a new id at an existing article's address (same source) is that article: its id
/// is kept — a feed item without a guid named the old way (link and title), or a site that changed its ids. Two
/// existing articles at one address, or no --merge, rename nothing.
#[test]
fn merge_keeps_the_id_of_the_article_at_the_same_address() {
    let dir = scratch("same-address");
    let out = dir.join("set.json");
    let feed = dir.join("feed.xml");
    std::fs::write(
        &feed,
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Metals</title><link>https://example.org/</link>
        <item><title>Copper at a three-month high</title><link>https://example.org/news/1</link><description>Copper rose.</description></item>
        <item><title>Zinc flat</title><link>https://example.org/news/2</link><description>Zinc held.</description></item>
        </channel></rss>"#,
    )
    .unwrap();
    let existing = r#"{"version":1,"articles":[
        {"id":"7d2c0ffee","title":"Copper rises","url":"https://example.org/news/1","source":"Metals","body":["Copper rose."]},
        {"id":"zinc-a","title":"Zinc","url":"https://example.org/news/2","source":"Metals","body":["Zinc."]},
        {"id":"zinc-b","title":"Zinc again","url":"https://example.org/news/2","source":"Metals","body":["Zinc again."]}]}"#;
    std::fs::write(&out, existing).unwrap();
    // Without --merge: the feed's own ids, nothing kept.
    let o = import(&[s(&feed), "--dry-run", "-o", s(&out)]);
    assert!(o.status.success() && !stderr(&o).contains("kept the id"), "{}", stderr(&o));
    let o = import(&[s(&feed), "--merge", "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains(r#"is "7d2c0ffee", at the same address"#), "{err}");
    assert!(err.contains("1 added, 1 updated, 0 unchanged, 2 kept from before"), "{err}");
    let set: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let ids: Vec<&str> = set["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(&ids[..3], ["7d2c0ffee", "zinc-a", "zinc-b"]);
    assert_eq!(ids.len(), 4, "the zinc item, at an address two articles share, is added: {ids:?}");
    assert_eq!(set["articles"][0]["title"], "Copper at a three-month high");
    // Again: the same ids, nothing new.
    let o = import(&[s(&feed), "--merge", "-o", s(&out)]);
    assert!(stderr(&o).contains("0 added, 0 updated, 2 unchanged, 2 kept from before"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn nothing_valid_is_an_error_and_writes_nothing() {
    let dir = scratch("nothing");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = dir.join("set.json");
    let o = import(&[s(&empty), "-o", s(&out)]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("empty.txt: the file is empty") && err.contains("nothing valid was imported"), "{err}");
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_folder_of_5000_small_files_imports() {
    let dir = scratch("many");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    for i in 0..5000 {
        let sub = if i % 2 == 0 { input.clone() } else { input.join("sub") };
        std::fs::write(
            sub.join(format!("n{i:04}.txt")),
            format!("標題 {i}\n2020年1月2日 03:04 來源: 測試\n第 {i} 篇的正文。\n"),
        )
        .unwrap();
    }
    std::fs::write(input.join(".hidden.txt"), "not me").unwrap();
    std::fs::write(input.join("notes.pdf"), "not me either").unwrap();
    let out = dir.join("set.json");
    let o = import(&[s(&input), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("5000 file(s): 5000 added"), "{}", stderr(&o));
    let set = article_viewer::domain::load_article_set(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(set.articles.len(), 5000);
    assert!(set.skipped.is_empty());
    assert_eq!(set.articles[0].published.as_ref().unwrap().as_str(), "2020-01-02T03:04:00+08:00");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_reprint_in_the_other_script_or_width_is_the_same_article() {
    let dir = scratch("same-script");
    let out = dir.join("set.json");
    let write = |name: &str, title: &str, body: &str| {
        let path = dir.join(name);
        std::fs::write(&path, format!("---\ntitle: {title}\n---\n\n{body}\n")).unwrap();
        path
    };
    let hant = write("hant.md", "鎳價回升，冶煉廠復產", "本週鎳價回升。企業恢復生產，產量ＵＰ１０％。");
    let hans = write("hans.md", "镍价回升，冶炼厂复产", "本周镍价回升。企业恢复生产，产量 up 10%。");
    // The same title over other text is another article.
    let other = write("other.md", "镍价回升，冶炼厂复产", "本周镍价回落。");
    let o = import(&[s(&hant), s(&hans), s(&other), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("2 added") && stderr(&o).contains("1 skipped"), "{}", stderr(&o));
    assert!(stderr(&o).contains("\"hans\" has the same title and text as \"hant\""), "{}", stderr(&o));
    let set = article_viewer::domain::load_article_set(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let ids: Vec<&str> = set.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["hant", "other"]);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_same_article_under_another_name_is_imported_once() {
    let dir = scratch("same");
    let out = dir.join("set.json");
    let copy = dir.join("copy-of-the-seed.txt");
    std::fs::copy(seed(), &copy).unwrap();
    let o = import(&[s(&seed()), s(&copy), "--fixes", s(&fixes()), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 added") && stderr(&o).contains("1 skipped"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("\"copy-of-the-seed\" has the same title and text as \"000_7367aa27400e94e4\""),
        "{}",
        stderr(&o)
    );
    // Merged into a set that has it: the copy is not added either; the seed itself is updated in place.
    let o = import(&[s(&copy), s(&seed()), "--fixes", s(&fixes()), "--merge", "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("0 added, 0 updated, 1 unchanged") && stderr(&o).contains("1 skipped"),
        "{}",
        stderr(&o)
    );
    let set = article_viewer::domain::load_article_set(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(set.articles.len(), 1);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn every_format_in_one_run() {
    let dir = scratch("formats");
    let out = dir.join("set.json");
    let fixtures = root().join("tests/fixtures/import");
    let o = import(&[s(&seed()), s(&fixtures), "--fixes", s(&fixes()), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let set = article_viewer::domain::load_article_set(&std::fs::read_to_string(&out).unwrap()).unwrap();
    // seed + json feed (1) + atom (1) + rss (3) + markdown (2) + web pages (3)
    assert_eq!(set.articles.len(), 11, "{}", stderr(&o));
    for page in ["page-zh", "page-en", "page-zh-table"] {
        assert!(set.articles.iter().any(|a| a.id.as_str() == page), "{page}");
    }
    assert!(stderr(&o).contains("0 skipped"), "{}", stderr(&o));
    assert!(stderr(&o).contains("\"no-title-item\" has no title: titled by its first words"), "{}", stderr(&o));
    // What each article was taken to be written in, counted (the seed and the Chinese pages zh-Hant, the JSON
    // feed's one short item none).
    let counts = |lang: Option<&str>| set.articles.iter().filter(|a| a.lang.as_deref() == lang).count();
    let line = format!(
        "languages: en {}, zh-Hans {}, zh-Hant {}, none {} ",
        counts(Some("en")),
        counts(Some("zh-Hans")),
        counts(Some("zh-Hant")),
        counts(None)
    );
    assert_eq!(counts(Some("zh-Hant")), 4, "{}", stderr(&o));
    assert!(stderr(&o).contains(&line), "{line:?} in {}", stderr(&o));
    let _ = std::fs::remove_dir_all(dir);
}

/// What the test server answers for a path: status, headers, body.
type Route = (&'static str, u16, Vec<(&'static str, String)>, Vec<u8>);

/// A real HTTP server on 127.0.0.1 for the run of one test: each request is answered from `routes`; anything else
/// is a 404. Returns its base address.
fn serve(routes: Vec<Route>) -> String {
    serve_counting(routes, 1, 0).0
}

/// Requests the test server is answering: (now, the most at once); and the paths asked for, in order.
#[derive(Default)]
struct InFlight {
    count: std::sync::Mutex<(usize, usize)>,
    changed: std::sync::Condvar,
    asked: std::sync::Mutex<Vec<String>>,
}

/// [`serve`], each connection on a thread of its own, counting the requests in flight; until `together` of them
/// have been in flight at once, each waits for that (at most 5 s) before it is answered — so a client that asks
/// for `together` at a time is seen to, and one that asks one at a time is not. The first `refuse` requests are
/// answered 429 Too Many Requests, "Retry-After: 1". (`/robots.txt` is answered at once, neither waiting nor
/// counted.)
fn serve_counting(routes: Vec<Route>, together: usize, refuse: usize) -> (String, std::sync::Arc<InFlight>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let routes = std::sync::Arc::new(routes);
    let flight = std::sync::Arc::new(InFlight::default());
    let counted = flight.clone();
    let refused = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let (routes, flight, refused) = (routes.clone(), counted.clone(), refused.clone());
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request = String::new();
                if reader.read_line(&mut request).is_err() {
                    return;
                }
                // The rest of the head.
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                    line.clear();
                }
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
                flight.asked.lock().unwrap().push(path.clone());
                let robots = path == "/robots.txt";
                if !robots {
                    let mut count = flight.count.lock().unwrap();
                    count.0 += 1;
                    count.1 = count.1.max(count.0);
                    flight.changed.notify_all();
                    let five_seconds = std::time::Duration::from_secs(5);
                    let (mut count, _) =
                        flight.changed.wait_timeout_while(count, five_seconds, |c| c.1 < together).unwrap();
                    count.0 -= 1;
                }
                let (status, headers, body) = match routes.iter().find(|(p, ..)| *p == path) {
                    _ if !robots && refused.fetch_add(1, std::sync::atomic::Ordering::SeqCst) < refuse => {
                        (429, vec![("retry-after", "1".to_owned())], b"slow down".to_vec())
                    }
                    Some((_, status, headers, body)) => (*status, headers.clone(), body.clone()),
                    None => (404, vec![("content-type", "text/plain".to_owned())], b"not found".to_vec()),
                };
                let mut head =
                    format!("HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n", body.len());
                for (k, v) in headers {
                    head += &format!("{k}: {v}\r\n");
                }
                let _ = stream.write_all(format!("{head}\r\n").as_bytes());
                let _ = stream.write_all(&body);
            });
        }
    });
    (base, flight)
}

#[test]
fn feeds_and_pages_are_fetched_by_address_their_relative_images_resolved_where_they_are() {
    let dir = scratch("fetch");
    let out = dir.join("set.json");
    let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Metal Weekly</title>
<item><guid>fetched-1</guid><title>Smelters restart</title>
<description><![CDATA[<p>Three smelters restarted.</p><img src="img/chart.png" alt="Chart">]]></description></item>
</channel></rss>"#;
    // A page in GBK that says so only in the HTTP header (no <meta charset>), with no address of its own.
    let page =
        "<!doctype html><html lang=\"zh-Hant\"><head><title>鎳價回升</title></head><body><article><h1>鎳價回升</h1>\
                <p>本週鎳價回升，冶煉廠復產。</p><img src=\"/img/ni.jpg\" alt=\"鎳板\"></article></body></html>";
    let (gbk, _, _) = encoding_rs::GBK.encode(page);
    let base = serve(vec![
        ("/feeds/metal", 200, vec![("content-type", "application/rss+xml".into())], rss.as_bytes().to_vec()),
        ("/news/ni-price.html", 200, vec![("content-type", "text/html; charset=gbk".into())], gbk.to_vec()),
        ("/moved", 301, vec![("location", "/news/ni-price.html".into())], Vec::new()),
    ]);
    let feed = format!("{base}/feeds/metal");
    let moved = format!("{base}/moved");
    let missing = format!("{base}/gone.html");
    let o = import(&[&feed, &moved, &missing, "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("3 file(s): 2 added") && stderr(&o).contains("1 skipped"), "{}", stderr(&o));
    assert!(stderr(&o).contains(&format!("{missing}: the server answered HTTP 404")), "{}", stderr(&o));
    assert!(stderr(&o).contains("decoded as GBK, as the server declares"), "{}", stderr(&o));
    let set = article_viewer::domain::load_article_set(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let image = |a: &article_viewer::domain::Article| {
        a.body.iter().find_map(|b| match b {
            article_viewer::domain::Block::Image(i) => Some(i.src.clone()),
            _ => None,
        })
    };
    let (item, page) = (&set.articles[0], &set.articles[1]);
    assert_eq!(item.id.as_str(), "fetched-1");
    // The item has no link: its image is where the feed is.
    assert_eq!(image(item).as_deref(), Some(format!("{base}/feeds/img/chart.png").as_str()));
    // The page: named after its address after the redirect, its text decoded, its image and link where it is.
    assert_eq!((page.id.as_str(), page.title.as_str()), ("ni-price", "鎳價回升"));
    assert_eq!(page.body[0], article_viewer::domain::Block::paragraph("本週鎳價回升，冶煉廠復產。"));
    assert_eq!(image(page).as_deref(), Some(format!("{base}/img/ni.jpg").as_str()));
    assert_eq!(page.url.as_deref(), Some(format!("{base}/news/ni-price.html").as_str()));

    // Nothing reachable: a clear error, nothing written.
    let _ = std::fs::remove_file(&out);
    let o = import(&["http://127.0.0.1:9/feed.xml", "-o", s(&out)]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("http://127.0.0.1:9/feed.xml: cannot be fetched from"), "{}", stderr(&o));
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(dir);
}

/// A multi-page article imported by its address: each next page its pager links to is fetched (on the same site,
/// none twice) and read with it, in order, the site's picture once; the same page saved as a file says it goes on
/// elsewhere; a next page that cannot be fetched is said, the article kept with the pages before it.
#[test]
fn a_multi_page_article_imported_by_address_has_every_page() {
    let dir = scratch("pages");
    let out = dir.join("set.json");
    let page = |n: usize, pager: &str| {
        format!(
            "<!doctype html><html lang=zh-Hans><head><title>锌价回落</title><meta property=og:image content=/img/zinc.jpg>\
             </head><body><article><h1>锌价回落</h1><p>第{n}页的正文，沪锌主力合约继续回落。</p>\
             <div class=page>{pager}</div></article><ul class=related><li><a href=/other.html>铜价</a></li></ul></body></html>"
        )
        .into_bytes()
    };
    let html = vec![("content-type", "text/html; charset=utf-8".to_owned())];
    let routes = vec![
        ("/news/zinc.html", 200, html.clone(), page(1, "<a>上一页</a> <b>1</b> <a href=zinc_2.html>2</a> <a href=zinc_3.html>3</a> <a href=zinc_2.html>下一页</a>")),
        ("/news/zinc_2.html", 200, html.clone(), page(2, "<a href=zinc.html>上一页</a> <a href=zinc.html>1</a> <b>2</b> <a href=zinc_3.html>3</a> <a href=zinc_3.html>下一页</a>")),
        // The last page's "next" leads back to the first (a loop is not followed).
        ("/news/zinc_3.html", 200, html.clone(), page(3, "<a href=zinc_2.html>上一页</a> <a href=zinc.html>1</a> <a href=zinc_2.html>2</a> <b>3</b> <a href=zinc.html>下一页</a>")),
        ("/news/broken.html", 200, html.clone(), page(1, "<b>1</b> <a href=broken_2.html>2</a> <a href=broken_2.html>下一页</a>")),
    ];
    let base = serve(routes);
    let o = import(&[&format!("{base}/news/zinc.html"), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let set = article_viewer::domain::load_article_set(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let body = &set.articles[0].body;
    let texts: Vec<String> = body.iter().flat_map(|b| b.texts().to_vec()).collect();
    assert_eq!(
        texts,
        [
            "第1页的正文，沪锌主力合约继续回落。",
            "第2页的正文，沪锌主力合约继续回落。",
            "第3页的正文，沪锌主力合约继续回落。"
        ],
        "each page's text in order, no pager: {}",
        stderr(&o)
    );
    let pictures = body.iter().filter(|b| matches!(b, article_viewer::domain::Block::Image(_))).count();
    assert_eq!((pictures, matches!(body[0], article_viewer::domain::Block::Image(_))), (1, true), "the picture once");
    assert!(!stderr(&o).contains("goes on on other pages"), "{}", stderr(&o));

    // Saved as a file: only this page, and a warning that says where the article goes on.
    let file = dir.join("zinc.html");
    std::fs::write(&file, page(1, "<b>1</b> <a href=zinc_2.html>2</a> <a href=zinc_2.html>下一页</a>")).unwrap();
    let o = import(&[s(&file), "-o", s(&out)]);
    assert!(stderr(&o).contains("the article goes on on other pages"), "{}", stderr(&o));

    // A next page that cannot be fetched: said; the article is the first page.
    let o = import(&[&format!("{base}/news/broken.html"), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("page 2 of the article ({base}/news/broken_2.html) could not be fetched")),
        "{}",
        stderr(&o)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn full_text_takes_a_feed_items_text_from_its_page_when_the_feed_has_only_a_summary() {
    let dir = scratch("full-text");
    let out = dir.join("set.json");
    let page = r#"<!doctype html><html lang="en"><head><title>Smelters restart</title>
<meta name="author" content="Dana Lee"><meta name="description" content="Three smelters restarted idle lines.">
</head><body><nav><a href="/">Home</a></nav><article><h1>Smelters restart</h1>
<p>Three aluminium smelters restarted idle lines this week as prices recovered.</p>
<p>Operators said lower power costs made the restarts possible.</p><img src="img/line.jpg" alt="A potline">
<p>The restarts add about 200,000 tonnes a year.</p></article></body></html>"#;
    // The items' links are filled in below, once the server's address is known.
    let rss = |base: &str| {
        format!(
            r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Metal Weekly</title>
<item><guid>full</guid><title>Smelters restart</title><link>{base}/news/smelters.html</link>
<category>Markets</category><description>Three aluminium smelters restarted… Read more</description></item>
<item><guid>gone</guid><title>Gone</title><link>{base}/news/gone.html</link><description>Only this.</description></item>
<item><guid>no-link</guid><title>No link</title><description>Only this too.</description></item>
</channel></rss>"#
        )
    };
    let feed_path = dir.join("metal.rss");
    let base = serve(vec![("/news/smelters.html", 200, vec![("content-type", "text/html".into())], page.into())]);
    std::fs::write(&feed_path, rss(&base)).unwrap();
    // A fix for text only the page has: it counts there (not "matched nothing").
    let fixes = dir.join("fixes.toml");
    std::fs::write(&fixes, "[[fix]]\nfind = \"idle lines this week\"\nreplace = \"idle lines this week\"\n").unwrap();
    let o = import(&[s(&feed_path), "--full-text", "--fixes", s(&fixes), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(!err.contains("matched nothing"), "{err}");
    assert!(err.contains("3 added"), "{err}");
    assert!(err.contains(&format!("\"gone\": its page {base}/news/gone.html could not be fetched")), "{err}");
    assert!(err.contains("HTTP 404") && err.contains("\"no-link\" has no link"), "{err}");
    let set = article_viewer::domain::load_article_set(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let full = &set.articles[0];
    let texts: Vec<&str> =
        full.body.iter().flat_map(article_viewer::domain::Block::texts).map(String::as_str).collect();
    assert_eq!(
        texts,
        [
            "Three aluminium smelters restarted idle lines this week as prices recovered.",
            "Operators said lower power costs made the restarts possible.",
            "The restarts add about 200,000 tonnes a year."
        ]
    );
    assert!(full.body.contains(&article_viewer::domain::Block::image(
        format!("{base}/news/img/line.jpg"),
        "A potline",
        None
    )));
    // The item's own title, id and category; what it lacked from the page.
    assert_eq!(
        (full.id.as_str(), full.title.as_str(), full.category.as_deref()),
        ("full", "Smelters restart", Some("Markets"))
    );
    assert_eq!(full.authors, ["Dana Lee"]);
    assert_eq!(full.summary.as_deref(), Some("Three smelters restarted idle lines."));
    assert_eq!(
        (full.lang.as_deref(), full.url.as_deref()),
        (Some("en"), Some(format!("{base}/news/smelters.html").as_str()))
    );
    // The others keep the feed's text.
    let gone = &set.articles[1];
    assert_eq!(gone.body, [article_viewer::domain::Block::paragraph("Only this.")]);
    // Without --full-text nothing is fetched.
    let o = import(&[s(&feed_path), "-o", s(&out)]);
    assert!(o.status.success() && !stderr(&o).contains("could not be fetched"), "{}", stderr(&o));
    let set = article_viewer::domain::load_article_set(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(set.articles[0].body.len(), 1);
    let _ = std::fs::remove_dir_all(dir);
}

/// The pages of stories 0..n (`/news/{i}.html`, the whole of each story), as the test server's routes.
fn story_pages(n: usize) -> Vec<Route> {
    let page = |i: usize| {
        format!(
            "<!doctype html><html lang=\"en\"><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1>\
             <p>The whole of story {i}, as its page has it.</p><p>A second paragraph of story {i}.</p></article></body></html>"
        )
    };
    let path = |i: usize| -> &'static str { Box::leak(format!("/news/{i}.html").into_boxed_str()) };
    (0..n).map(|i| (path(i), 200, vec![("content-type", "text/html".into())], page(i).into_bytes())).collect()
}

/// An RSS feed of stories 0..n whose items carry only a summary and link to their pages at `base`, written to
/// `dir`/feed.rss.
fn story_feed(dir: &Path, n: usize, base: &str) -> PathBuf {
    let items: String = (0..n)
        .map(|i| format!("<item><guid>s{i}</guid><title>Story {i}</title><link>{base}/news/{i}.html</link><description>Story {i}…</description></item>"))
        .collect();
    let feed = dir.join("feed.rss");
    std::fs::write(
        &feed,
        format!(r#"<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}</channel></rss>"#),
    )
    .unwrap();
    feed
}

/// The first paragraph of each article of the set at `out`.
fn first_paragraphs(out: &Path) -> Vec<String> {
    let set = article_viewer::domain::load_article_set(&std::fs::read_to_string(out).unwrap()).unwrap();
    set.articles.iter().map(|a| a.body[0].texts()[0].clone()).collect()
}

/// `--full-text` on a feed item whose page is the first of several: the next pages come too, as far as the site's
/// robots.txt allows (the page it disallows is not fetched, and that is said).
#[test]
fn full_text_brings_a_multi_page_articles_next_pages_as_robots_txt_allows() {
    let dir = scratch("full-text-pages");
    let out = dir.join("set.json");
    let page = |n: usize, next: &str| {
        format!(
            "<!doctype html><html lang=en><head><title>Story 0</title></head><body><article><h1>Story 0</h1>\
             <p>Part {n} of story 0, as its pages have it, at length.</p><p class=pager><a href=0.html>1</a> \
             <a href=0-2.html>2</a> <a href=0-3.html>3</a> <a href={next}>Next ›</a></p></article></body></html>"
        )
        .into_bytes()
    };
    let html = vec![("content-type", "text/html".to_owned())];
    let routes = vec![
        ("/news/0.html", 200, html.clone(), page(1, "0-2.html")),
        ("/news/0-2.html", 200, html.clone(), page(2, "0-3.html")),
        ("/news/0-3.html", 200, html.clone(), page(3, "0-4.html")),
        (
            "/robots.txt",
            200,
            vec![("content-type", "text/plain".to_owned())],
            b"User-agent: *\nDisallow: /news/0-3.html\n".to_vec(),
        ),
    ];
    let (base, flight) = serve_counting(routes, 1, 0);
    let feed = story_feed(&dir, 1, &base);
    let o = import(&[s(&feed), "--full-text", "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let set = article_viewer::domain::load_article_set(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let texts: Vec<String> = set.articles[0].body.iter().flat_map(|b| b.texts().to_vec()).collect();
    assert_eq!(
        texts,
        ["Part 1 of story 0, as its pages have it, at length.", "Part 2 of story 0, as its pages have it, at length."]
    );
    assert!(
        stderr(&o).contains("page 3 of the article") && stderr(&o).contains("robots.txt disallows it"),
        "{}",
        stderr(&o)
    );
    assert!(!flight.asked.lock().unwrap().iter().any(|p| p == "/news/0-3.html"), "the disallowed page is not fetched");
    let _ = std::fs::remove_dir_all(dir);
}

/// `--full-text` fetches the items' pages `--jobs` at a time (4 by default), and the set keeps the feed's order.
#[test]
fn full_text_fetches_several_pages_at_a_time_and_keeps_the_feeds_order() {
    let dir = scratch("full-text-jobs");
    let out = dir.join("set.json");
    let items = 7;
    let whole: Vec<String> = (0..items).map(|i| format!("The whole of story {i}, as its page has it.")).collect();
    for (jobs, together) in [(None, 4), (Some("3"), 3), (Some("1"), 1)] {
        let (base, flight) = serve_counting(story_pages(items), together, 0);
        let feed = story_feed(&dir, items, &base);
        let mut args = vec![s(&feed), "--full-text", "-o", s(&out)];
        args.extend(jobs.iter().flat_map(|j| ["--jobs", *j]));
        let o = import(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stderr(&o).contains(&format!("{items} added")), "{}", stderr(&o));
        assert_eq!(flight.count.lock().unwrap().1, together, "pages fetched at once, --jobs {jobs:?}");
        assert_eq!(first_paragraphs(&out), whole, "in the feed's order, --jobs {jobs:?}");
        std::fs::remove_file(&out).unwrap();
    }
    // Out of range: said so.
    let o = import(&["x.rss", "--full-text", "--jobs", "0", "-o", s(&out)]);
    assert!(!o.status.success() && stderr(&o).contains("--jobs"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(dir);
}

/// `--full-text` asks each site for its robots.txt first: a page it disallows keeps the feed's text (and says
/// why), its Crawl-delay spaces the requests; a robots.txt that cannot be read (HTTP 500) fetches nothing;
/// `--ignore-robots` fetches every page.
#[test]
fn full_text_follows_the_sites_robots_txt() {
    let dir = scratch("robots");
    let out = dir.join("set.json");
    let whole = |i: usize| format!("The whole of story {i}, as its page has it.");
    let summary = |i: usize| format!("Story {i}…");
    let rules = "User-agent: *\nDisallow: /private/\n\nUser-agent: article-viewer-import\nDisallow: /news/1.html\nCrawl-delay: 1\n";
    for (robots, ignore, expected) in [
        (Some((200, rules)), false, vec![whole(0), summary(1), whole(2)]),
        (Some((200, rules)), true, vec![whole(0), whole(1), whole(2)]),
        (Some((500, "down")), false, vec![summary(0), summary(1), summary(2)]),
        (Some((200, "User-agent: *\nCrawl-delay: 3600\n")), false, vec![summary(0), summary(1), summary(2)]),
        (None, false, vec![whole(0), whole(1), whole(2)]),
    ] {
        let mut routes = story_pages(3);
        if let Some((status, body)) = robots {
            routes.push(("/robots.txt", status, vec![("content-type", "text/plain".into())], body.as_bytes().to_vec()));
        }
        let (base, flight) = serve_counting(routes, 1, 0);
        let feed = story_feed(&dir, 3, &base);
        let mut args = vec![s(&feed), "--full-text", "-o", s(&out)];
        if ignore {
            args.push("--ignore-robots");
        }
        let started = std::time::Instant::now();
        let o = import(&args);
        let took = started.elapsed();
        let case = format!("robots.txt {robots:?}, --ignore-robots {ignore}: {}", stderr(&o));
        assert!(o.status.success(), "{case}");
        assert_eq!(first_paragraphs(&out), expected, "{case}");
        let asked = flight.asked.lock().unwrap().clone();
        assert_eq!(asked.iter().filter(|p| *p == "/robots.txt").count(), usize::from(!ignore), "{case}");
        let pages = asked.iter().filter(|p| p.starts_with("/news/")).count();
        assert_eq!(
            pages,
            expected.iter().filter(|t| t.starts_with("The whole")).count(),
            "only allowed pages asked for: {case}"
        );
        match (robots, ignore) {
            (Some((200, _)), false) if expected[0] == summary(0) => {
                assert_eq!(
                    stderr(&o).matches("robots.txt asks for 3600s between requests, longer than").count(),
                    3,
                    "{case}"
                );
                assert!(took < std::time::Duration::from_secs(30), "not waited for: {took:?}");
            }
            (Some((200, _)), false) => {
                assert!(
                    stderr(&o).contains(&format!(
                        "its page {base}/news/1.html was not fetched: {base}/robots.txt disallows it"
                    )),
                    "{case}"
                );
                assert!(stderr(&o).contains("asks for 1s between requests"), "{case}");
                // A second after robots.txt, and another after the first page.
                assert!(took >= std::time::Duration::from_secs(2), "the Crawl-delay is kept: {took:?}; {case}");
            }
            (Some((500, _)), false) => {
                assert_eq!(
                    stderr(&o).matches("robots.txt could not be read (the server answered HTTP 500)").count(),
                    3,
                    "{case}"
                );
            }
            _ => assert!(!stderr(&o).contains("robots.txt"), "{case}"),
        }
        std::fs::remove_file(&out).unwrap();
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// A server that answers "429 Too Many Requests" is asked again after the wait it asks for (twice at most).
#[test]
fn a_page_refused_for_too_many_requests_is_fetched_after_the_wait() {
    let dir = scratch("too-many");
    let out = dir.join("set.json");
    for (refuse, first) in [(1, "The whole of story 0, as its page has it."), (3, "Story 0…")] {
        let (base, _) = serve_counting(story_pages(1), 1, refuse);
        let feed = story_feed(&dir, 1, &base);
        let o = import(&[s(&feed), "--full-text", "-o", s(&out)]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(first_paragraphs(&out), [first], "refused {refuse} time(s)");
        // Refused a third time: the feed's text is kept, and why is said.
        assert_eq!(stderr(&o).contains("HTTP 429"), refuse == 3, "{}", stderr(&o));
    }
    let _ = std::fs::remove_dir_all(dir);
}
