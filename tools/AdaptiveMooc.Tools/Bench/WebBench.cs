using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;

namespace AdaptiveMooc.Tools.Bench;

/// <summary>
/// <c>bench web [--web URL] [--api URL] [--secrets DIR] [--first N] [--warm N] [--chromium PATH]</c>: browser
/// navigation timings of the web app that <c>./mooc up</c> started, on its demo course, measured by headless
/// Chromium (Debian's <c>chromium</c>) through Playwright: the public catalogue, the demo learner's home and the
/// demo trainer's dashboard of <c>oulad-bbb-2013j</c>. A <em>first load</em> is the page's first visit in a new
/// browser context (signed in, then the browser cache cleared, so every script and style is fetched again); a
/// <em>warm load</em> is a later visit of the same page in the same context (cached assets, open cookie session,
/// a new circuit each time). Each load is timed twice: until the load event, and until the page shows its data
/// and is interactive. <c>GET /api/courses</c>, the API call behind the catalogue, is timed in the same run.
/// </summary>
internal static class WebBench
{
    private const string Usage =
        "usage: bench web [--web URL] [--api URL] [--secrets DIR] [--first N] [--warm N] [--chromium PATH]";

    private const string DemoCourse = "oulad-bbb-2013j";

    public static async Task<int> RunAsync(string[] args)
    {
        var web = $"http://127.0.0.1:{Environment.GetEnvironmentVariable("MOOC_WEB_PORT") ?? "5081"}";
        var api = $"http://127.0.0.1:{Environment.GetEnvironmentVariable("MOOC_API_PORT") ?? "5080"}";
        var secrets = Path.Combine(".data", "secrets");
        var chromium = "/usr/bin/chromium";
        var first = 10;
        var warm = 30;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--web" when value is not null: web = value.TrimEnd('/'); i++; break;
                case "--api" when value is not null: api = value.TrimEnd('/'); i++; break;
                case "--secrets" when value is not null: secrets = value; i++; break;
                case "--chromium" when value is not null: chromium = value; i++; break;
                case "--first" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out first) && first > 0: i++; break;
                case "--warm" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out warm) && warm > 0: i++; break;
                default:
                    Console.Error.WriteLine($"bench web: unknown or incomplete option '{args[i]}'");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        string Secret(string name)
        {
            var path = Path.Combine(secrets, name);
            return File.Exists(path)
                ? File.ReadAllText(path).Trim()
                : throw new FileNotFoundException($"{path} is missing: run ./mooc up first (it creates the demo and its secrets).", path);
        }

        if (!File.Exists(chromium))
        {
            Console.Error.WriteLine($"bench web: no Chromium at {chromium} (apt-get install -y chromium, or --chromium PATH)");
            return 2;
        }

        string trainerPassword, learnerId, learnerPassword, catalogueKey;
        try
        {
            trainerPassword = Secret("demo-trainer.password");
            learnerId = Secret("demo-learner.id");
            learnerPassword = Secret("demo-learner.password");
            catalogueKey = Secret("web-catalogue.key");
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine("bench web: " + e.Message);
            return 2;
        }

        var pages = new[]
        {
            new PageCase("catalogue", "/", null, null, "a[href^='/courses/']"),
            new PageCase("learner home", "/home", learnerId, learnerPassword, "[data-testid=next-steps]"),
            new PageCase("trainer dashboard", $"/trainer/courses/{DemoCourse}", "demo-trainer", trainerPassword, "[data-testid=at-risk]"),
        };

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });

        var rows = new List<Row>();
        var clock = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            var cold = new List<(double Load, double Ready)>();
            for (var i = 0; i < first; i++)
            {
                await using var context = await NewContextAsync(browser, web);
                var tab = await context.NewPageAsync();
                await SignInAsync(tab, page);
                var cdp = await context.NewCDPSessionAsync(tab);
                await cdp.SendAsync("Network.clearBrowserCache");
                cold.Add(await TimeAsync(tab, page));
            }

            var hot = new List<(double Load, double Ready)>();
            await using (var context = await NewContextAsync(browser, web))
            {
                var tab = await context.NewPageAsync();
                await SignInAsync(tab, page);
                await TimeAsync(tab, page);
                for (var i = 0; i < warm; i++)
                {
                    hot.Add(await TimeAsync(tab, page));
                }
            }

            rows.Add(Row.Of(page.Name, "first load", cold));
            rows.Add(Row.Of(page.Name, "warm load", hot));
        }

        var apiTimes = await TimeApiAsync(api, catalogueKey, warm);
        rows.Add(Row.Of("GET /api/courses", "API call (HttpClient, keep-alive)", [.. apiTimes.Select(t => (t, t))]));

        Console.Out.WriteLine($"{"page",-18} {"visit",-34} {"n",4} {"load p50",9} {"load p95",9} {"ready p50",10} {"ready p95",10}  (ms)");
        foreach (var row in rows)
        {
            Console.Out.WriteLine(
                $"{row.Page,-18} {row.Visit,-34} {row.N,4} {row.LoadP50,9:F0} {row.LoadP95,9:F0} {row.ReadyP50,10:F0} {row.ReadyP95,10:F0}");
        }

        Console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "web",
            cores = Environment.ProcessorCount,
            seconds = Math.Round(clock.Elapsed.TotalSeconds),
            web,
            api,
            results = rows.Select(r => new
            {
                page = r.Page,
                visit = r.Visit,
                n = r.N,
                loadP50Ms = Math.Round(r.LoadP50, 1),
                loadP95Ms = Math.Round(r.LoadP95, 1),
                readyP50Ms = Math.Round(r.ReadyP50, 1),
                readyP95Ms = Math.Round(r.ReadyP95, 1),
            }),
        }));
        return 0;
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, string web)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        return context;
    }

    private static async Task SignInAsync(IPage tab, PageCase page)
    {
        if (page.Username is null)
        {
            return;
        }

        await tab.GotoAsync("/signin");
        await tab.FillAsync("#username", page.Username);
        await tab.FillAsync("#password", page.Password!);
        await tab.ClickAsync("button:has-text('Sign in')");
        await tab.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal) && !url.Contains("after-signin", StringComparison.Ordinal));
    }

    /// <summary>Milliseconds from the navigation's start to its load event, and to the page's data shown with the circuit up.</summary>
    private static async Task<(double Load, double Ready)> TimeAsync(IPage tab, PageCase page)
    {
        var watch = Stopwatch.StartNew();
        var response = await tab.GotoAsync(page.Path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var load = watch.Elapsed.TotalMilliseconds;
        if (response is null || !response.Ok || tab.Url.Contains("/signin", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{page.Name}: {page.Path} answered {response?.Status} at {tab.Url}");
        }

        await tab.Locator(page.Ready).First.WaitForAsync();
        await tab.Locator("[data-interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        var ready = watch.Elapsed.TotalMilliseconds;
        return (load, ready);
    }

    private static async Task<List<double>> TimeApiAsync(string api, string key, int count)
    {
        using var http = new HttpClient { BaseAddress = new Uri(api + "/") };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var times = new List<double>();
        for (var i = 0; i <= count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri("api/courses?limit=200", UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    private sealed record PageCase(string Name, string Path, string? Username, string? Password, string Ready);

    private sealed record Row(string Page, string Visit, int N, double LoadP50, double LoadP95, double ReadyP50, double ReadyP95)
    {
        public static Row Of(string page, string visit, IReadOnlyList<(double Load, double Ready)> times) => new(
            page, visit, times.Count,
            Percentile([.. times.Select(t => t.Load)], 0.50), Percentile([.. times.Select(t => t.Load)], 0.95),
            Percentile([.. times.Select(t => t.Ready)], 0.50), Percentile([.. times.Select(t => t.Ready)], 0.95));

        /// <summary>Nearest-rank percentile.</summary>
        private static double Percentile(List<double> values, double p)
        {
            values.Sort();
            var rank = (int)Math.Ceiling(p * values.Count);
            return values[Math.Clamp(rank - 1, 0, values.Count - 1)];
        }
    }
}
