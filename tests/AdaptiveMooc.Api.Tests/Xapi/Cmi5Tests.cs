using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Xapi;

/// <summary>A cmi5 package built here (the specification's simple course structure) launched end to end over HTTP.</summary>
[Collection(PlatformCollection.Name)]
public sealed class Cmi5Tests(PlatformFixture fixture)
{
    private const string AuId = "http://course-repository.example.edu/identifiers/courses/02baafcf/aus/4c07";
    private const string CourseXmlId = "http://course-repository.example.edu/identifiers/courses/02baafcf";
    private const string Category = "https://w3id.org/xapi/cmi5/context/categories/cmi5";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_au_launched_the_cmi5_way_completes_the_lesson_by_its_move_on_and_the_certificate_counts_it(bool inPackage)
    {
        using var admin = fixture.Platform.Client();
        var (courseId, learnerId) = await Cmi5CourseAsync(admin, "CompletedAndPassed", inPackage ? Package("CompletedAndPassed", "index.html?lang=en", Files) : null);
        using var learner = await LearnerClient(learnerId);

        var launch = await learner.PostAsJsonAsync($"/api/learners/{learnerId}/courses/{courseId}/lessons/c5/cmi5-launch", new { returnUrl = "https://mooc.example.org/back" });
        Assert.Equal(HttpStatusCode.OK, launch.StatusCode);
        var launched = await launch.Content.ReadFromJsonAsync<JsonElement>();
        var url = new Uri(launched.GetProperty("url").GetString()!);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        if (inPackage)
        {
            // A relative AU url is launched from the package's files, under a signed base path, its own query kept.
            Assert.StartsWith($"{Payloads.Base}/api/cmi5-content/{courseId}/", url.ToString(), StringComparison.Ordinal);
            Assert.EndsWith("/index.html", url.AbsolutePath, StringComparison.Ordinal);
            Assert.Equal("en", query["lang"]);
            await AssertPackageServedAsync(url);
        }
        else
        {
            Assert.StartsWith(AuId + "/launch.html?", url.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal($"{Payloads.Base}/xapi/", query["endpoint"]);
        var activityId = query["activityId"]!;
        Assert.NotEqual(AuId, activityId);
        var registration = query["registration"]!;
        var actor = JsonNode.Parse(query["actor"]!)!.AsObject();
        Assert.Equal(learnerId, actor["account"]!["name"]!.GetValue<string>());

        // The fetch URL answers the auth-token once; the second POST is an error (cmi5 8.2.3).
        using var anonymous = fixture.Platform.Client(admin: false);
        var first = await anonymous.PostAsync(Local(query["fetch"]!), null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var token = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("auth-token").GetString()!;
        var second = await (await anonymous.PostAsync(Local(query["fetch"]!), null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("1", second.GetProperty("error-code").GetString());

        using var au = fixture.Platform.Client(admin: false);
        au.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);

        // LMS.LaunchData was written before the launch, and the AU reads it with its token.
        var stateUrl = $"/xapi/activities/state?activityId={Uri.EscapeDataString(activityId)}&agent={Uri.EscapeDataString(actor.ToJsonString())}&registration={registration}&stateId=LMS.LaunchData";
        var launchData = await au.GetFromJsonAsync<JsonObject>(stateUrl);
        Assert.Equal("Normal", launchData!["launchMode"]!.GetValue<string>());
        Assert.Equal("CompletedAndPassed", launchData["moveOn"]!.GetValue<string>());
        Assert.Equal(0.8, launchData["masteryScore"]!.GetValue<double>());
        Assert.Equal("https://mooc.example.org/back", launchData["returnURL"]!.GetValue<string>());
        var sessionId = launchData["contextTemplate"]!["extensions"]!["https://w3id.org/xapi/cmi5/context/extensions/sessionid"]!.GetValue<string>();

        // The LMS recorded "launched".
        var lms = await admin.GetFromJsonAsync<JsonElement>($"/xapi/statements?activity={Uri.EscapeDataString(activityId)}&verb={Uri.EscapeDataString("http://adlnet.gov/expapi/verbs/launched")}");
        Assert.Single(lms.GetProperty("statements").EnumerateArray());

        JsonObject Statement(string verb, double? scaled = null)
        {
            var statement = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["actor"] = actor.DeepClone(),
                ["verb"] = new JsonObject { ["id"] = verb },
                ["object"] = new JsonObject { ["id"] = activityId },
                ["context"] = new JsonObject
                {
                    ["registration"] = registration,
                    ["contextActivities"] = new JsonObject { ["category"] = new JsonArray(new JsonObject { ["id"] = Category }) },
                    ["extensions"] = new JsonObject { ["https://w3id.org/xapi/cmi5/context/extensions/sessionid"] = sessionId },
                },
                ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            };
            if (scaled is not null)
            {
                statement["result"] = new JsonObject { ["success"] = verb.EndsWith("passed", StringComparison.Ordinal), ["score"] = new JsonObject { ["scaled"] = scaled } };
            }

            return statement;
        }

        const string Verbs = "http://adlnet.gov/expapi/verbs/";

        // Sequence rules: initialized comes first; a passed score reaches the mastery score; nothing is stored when refused.
        await Problem.AssertAsync(await au.PostAsJsonAsync("/xapi/statements", Statement(Verbs + "completed")), HttpStatusCode.BadRequest, "initialized");
        Assert.Equal(HttpStatusCode.OK, (await au.PostAsJsonAsync("/xapi/statements", Statement(Verbs + "initialized"))).StatusCode);
        await Problem.AssertAsync(await au.PostAsJsonAsync("/xapi/statements", Statement(Verbs + "initialized")), HttpStatusCode.BadRequest, "already");
        await Problem.AssertAsync(await au.PostAsJsonAsync("/xapi/statements", Statement(Verbs + "passed", 0.5)), HttpStatusCode.BadRequest, "mastery");
        var otherRegistration = Statement(Verbs + "completed");
        otherRegistration["context"]!["registration"] = Guid.NewGuid().ToString();
        await Problem.AssertAsync(await au.PostAsJsonAsync("/xapi/statements", otherRegistration), HttpStatusCode.BadRequest, "registration");

        // The learner's own "completed" on the lesson is stored but completes nothing: a cmi5 lesson is completed by its AUs' moveOn.
        Assert.Equal(HttpStatusCode.OK, (await learner.PostAsJsonAsync("/xapi/statements", Payloads.Statement(learnerId, courseId, "c5", "completed", DateTimeOffset.UtcNow.AddMinutes(-1)))).StatusCode);

        // Completed alone does not meet CompletedAndPassed.
        Assert.Equal(HttpStatusCode.OK, (await au.PostAsJsonAsync("/xapi/statements", Statement(Verbs + "completed"))).StatusCode);
        var progress = await admin.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{courseId}/progress");
        Assert.DoesNotContain("c5", progress.GetProperty("completedLessons").EnumerateArray().Select(e => e.GetString()));

        Assert.Equal(HttpStatusCode.OK, (await au.PostAsJsonAsync("/xapi/statements", new JsonArray(Statement(Verbs + "passed", 0.9), Statement(Verbs + "terminated")))).StatusCode);

        // Terminated ends the session: the token no longer authenticates.
        Assert.Equal(HttpStatusCode.Unauthorized, (await au.PostAsJsonAsync("/xapi/statements", Statement(Verbs + "experienced"))).StatusCode);

        var status = await learner.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{courseId}/lessons/c5/cmi5");
        Assert.True(status.GetProperty("satisfied").GetBoolean());
        progress = await admin.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{courseId}/progress");
        Assert.Contains("c5", progress.GetProperty("completedLessons").EnumerateArray().Select(e => e.GetString()));
        var certificate = await (await admin.PostAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/certificate", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(certificate.GetProperty("eligible").GetBoolean(), certificate.ToString());
        Assert.Empty(certificate.GetProperty("missingLessons").EnumerateArray());

        var satisfied = await admin.GetFromJsonAsync<JsonElement>($"/xapi/statements?activity={Uri.EscapeDataString(CourseXmlId)}&verb={Uri.EscapeDataString("https://w3id.org/xapi/adl/verbs/satisfied")}&registration={registration}");
        Assert.Single(satisfied.GetProperty("statements").EnumerateArray());
    }

    [Fact]
    public async Task A_relaunch_abandons_the_open_session_and_a_waiver_meets_move_on()
    {
        using var admin = fixture.Platform.Client();
        var (courseId, learnerId) = await Cmi5CourseAsync(admin, "Passed");
        using var learner = await LearnerClient(learnerId);
        var launchUrl = $"/api/learners/{learnerId}/courses/{courseId}/lessons/c5/cmi5-launch";
        var firstLaunch = await (await learner.PostAsJsonAsync(launchUrl, new { })).Content.ReadFromJsonAsync<JsonElement>();
        var fetch = System.Web.HttpUtility.ParseQueryString(new Uri(firstLaunch.GetProperty("url").GetString()!).Query)["fetch"]!;
        using var anonymous = fixture.Platform.Client(admin: false);
        var token = (await (await anonymous.PostAsync(Local(fetch), null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("auth-token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await learner.PostAsJsonAsync(launchUrl, new { })).StatusCode);
        var activityId = firstLaunch.GetProperty("activityId").GetString()!;
        var abandoned = await admin.GetFromJsonAsync<JsonElement>($"/xapi/statements?activity={Uri.EscapeDataString(activityId)}&verb={Uri.EscapeDataString("https://w3id.org/xapi/adl/verbs/abandoned")}");
        Assert.Single(abandoned.GetProperty("statements").EnumerateArray());

        // The abandoned session's token is dead.
        using var au = fixture.Platform.Client(admin: false);
        au.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await au.GetAsync(new Uri("/xapi/statements", UriKind.Relative))).StatusCode);

        // Learners do not waive; admins (and the course's trainers) do, with a reason.
        await Problem.AssertAsync(await learner.PostAsJsonAsync($"/api/learners/{learnerId}/courses/{courseId}/lessons/c5/cmi5-waiver", new { reason = "Tested" }), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await admin.PostAsJsonAsync($"/api/learners/{learnerId}/courses/{courseId}/lessons/c5/cmi5-waiver", new { reason = "because" }), HttpStatusCode.BadRequest, "reason");
        var waived = await admin.PostAsJsonAsync($"/api/learners/{learnerId}/courses/{courseId}/lessons/c5/cmi5-waiver", new { reason = "Tested" });
        Assert.Equal(HttpStatusCode.OK, waived.StatusCode);
        Assert.True((await waived.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("satisfied").GetBoolean());
        var progress = await admin.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{courseId}/progress");
        Assert.Contains("c5", progress.GetProperty("completedLessons").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Package_files_need_a_genuine_live_token_and_a_plain_path()
    {
        using var admin = fixture.Platform.Client();
        var (courseId, learnerId) = await Cmi5CourseAsync(admin, "Completed", Package("Completed", "index.html", Files));
        using var learner = await LearnerClient(learnerId);
        var launched = await (await learner.PostAsJsonAsync($"/api/learners/{learnerId}/courses/{courseId}/lessons/c5/cmi5-launch", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var page = new Uri(launched.GetProperty("url").GetString()!).AbsolutePath;
        var segments = page.Split('/');
        var token = segments[5];
        var expiry = token[..token.IndexOf('.', StringComparison.Ordinal)];
        var signature = token[(expiry.Length + 1)..];
        string With(string newToken, string file = "js/app.js") => string.Join('/', segments[..5]) + "/" + newToken + "/" + file;

        using var anonymous = fixture.Platform.Client(admin: false);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(With(token), UriKind.Relative))).StatusCode);

        // A forged signature, an expiry moved (to the past, or later), another package or course: 403.
        var forged = signature[..^2] + (signature[^2..] == "AA" ? "AB" : "AA");
        await Problem.AssertAsync(await anonymous.GetAsync(new Uri(With(expiry + "." + forged), UriKind.Relative)), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await anonymous.GetAsync(new Uri(With("1000000000." + signature), UriKind.Relative)), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await anonymous.GetAsync(new Uri(With((long.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture) + 3600) + "." + signature), UriKind.Relative)), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await anonymous.GetAsync(new Uri(With("garbage"), UriKind.Relative)), HttpStatusCode.Forbidden);
        var otherMedia = page.Replace(segments[4], new string('0', 64), StringComparison.Ordinal);
        await Problem.AssertAsync(await anonymous.GetAsync(new Uri(otherMedia, UriKind.Relative)), HttpStatusCode.Forbidden);

        // A file that is not in the package, and the package's directory: 404; an escaped ../ never leaves it.
        await Problem.AssertAsync(await anonymous.GetAsync(new Uri(With(token, "js/missing.js"), UriKind.Relative)), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await anonymous.GetAsync(new Uri(With(token, "js/"), UriKind.Relative)), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await anonymous.GetAsync(new Uri(With(token, "js/%2E%2E%2Fcmi5.xml"), UriKind.Relative)), HttpStatusCode.NotFound);

        // The signed media link of the zip is no package token, and the package token is no media link.
        await Problem.AssertAsync(await anonymous.GetAsync(new Uri($"/api/media/{courseId}/{segments[4]}?u=cmi5-content&e={expiry}&s={signature}", UriKind.Relative)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_package_with_an_entry_outside_itself_is_refused_when_the_course_names_it()
    {
        using var admin = fixture.Platform.Client();
        var courseId = Payloads.NewId("course");
        var course = Payloads.Course(courseId);
        (await admin.PostAsJsonAsync("/api/courses", course)).EnsureSuccessStatusCode();
        var mediaId = await UploadAsync(admin, courseId, Package("Completed", "index.html", [.. Files, ("../escape.html", "<p>out</p>")]));
        var lesson = Payloads.Lesson("c5", "cmi5", []);
        lesson.Remove("contentUrl");
        lesson["mediaId"] = mediaId;
        course["modules"]![0]!["lessons"] = new JsonArray(lesson);
        await Problem.AssertAsync(await admin.PutAsJsonAsync($"/api/courses/{courseId}", course), HttpStatusCode.BadRequest, "modules[0].lessons[0].mediaId");
        await Problem.AssertAsync(await admin.PutAsJsonAsync($"/api/courses/{courseId}/draft", course), HttpStatusCode.BadRequest, "..");

        // An AU url that climbs out of the package, or names no file of it, is not launched.
        string learnerId;
        (courseId, learnerId) = await Cmi5CourseAsync(admin, "Completed", Package("Completed", "../index.html", Files));
        using var other = await LearnerClient(learnerId);
        await Problem.AssertAsync(
            await other.PostAsJsonAsync($"/api/learners/{learnerId}/courses/{courseId}/lessons/c5/cmi5-launch", new { }), HttpStatusCode.Conflict, "auId");
        (courseId, learnerId) = await Cmi5CourseAsync(admin, "Completed", Package("Completed", "start.html", Files));
        using var third = await LearnerClient(learnerId);
        await Problem.AssertAsync(
            await third.PostAsJsonAsync($"/api/learners/{learnerId}/courses/{courseId}/lessons/c5/cmi5-launch", new { }), HttpStatusCode.Conflict, "auId");
    }

    [Fact]
    public async Task A_package_at_an_outside_url_is_fetched_once_and_its_relative_aus_resolve_against_it()
    {
        // The package's host: a loopback listener (the API process has the test-only Mooc:Webhooks:AllowLoopback).
        var host = $"http://127.0.0.1:{AdaptiveMooc.Tests.Shared.FreePorts.Next()}";
        using var listener = new HttpListener();
        listener.Prefixes.Add(host + "/");
        listener.Start();
        var structure = Encoding.UTF8.GetBytes(Xml("Completed", "index.html?lang=en"));
        var fetched = 0;
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                if (context.Request.Url!.AbsolutePath == "/pkg/cmi5.xml")
                {
                    Interlocked.Increment(ref fetched);
                    context.Response.ContentType = "application/xml";
                    await context.Response.OutputStream.WriteAsync(structure);
                }
                else
                {
                    context.Response.StatusCode = 404;
                }

                context.Response.Close();
            }
        });

        using var admin = fixture.Platform.Client();
        var (courseId, learnerId) = await OutsideCourseAsync(admin, host + "/pkg/");
        using var learner = await LearnerClient(learnerId);
        var launchUrl = $"/api/learners/{learnerId}/courses/{courseId}/lessons/c5/cmi5-launch";
        var launched = await learner.PostAsJsonAsync(launchUrl, new { });
        Assert.Equal(HttpStatusCode.OK, launched.StatusCode);
        var url = new Uri((await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!);
        Assert.StartsWith(host + "/pkg/index.html?lang=en&endpoint=", url.ToString(), StringComparison.Ordinal);
        Assert.Equal(AuId, (await (await learner.PostAsJsonAsync(launchUrl, new { })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("auId").GetString());
        var status = await learner.GetFromJsonAsync<JsonElement>($"/api/learners/{learnerId}/courses/{courseId}/lessons/c5/cmi5");
        Assert.Equal(AuId, status.GetProperty("aus")[0].GetProperty("auId").GetString());
        Assert.Equal(1, Volatile.Read(ref fetched));

        // A cmi5.xml that is not there, plain http to a public host, and a private address are refused (409), nothing launched.
        (courseId, learnerId) = await OutsideCourseAsync(admin, host + "/missing/cmi5.xml");
        using (var other = await LearnerClient(learnerId))
        {
            await Problem.AssertAsync(await other.PostAsJsonAsync($"/api/learners/{learnerId}/courses/{courseId}/lessons/c5/cmi5-launch", new { }), HttpStatusCode.Conflict, "404");
        }

        foreach (var refused in new[] { "http://example.org/pkg/cmi5.xml", "https://10.1.2.3/pkg/cmi5.xml", "https://[fd00::1]/cmi5.xml" })
        {
            (courseId, learnerId) = await OutsideCourseAsync(admin, refused);
            using var other = await LearnerClient(learnerId);
            await Problem.AssertAsync(await other.PostAsJsonAsync($"/api/learners/{learnerId}/courses/{courseId}/lessons/c5/cmi5-launch", new { }), HttpStatusCode.Conflict, "https");
        }

        listener.Stop();
        await serving;
    }

    /// <summary>A published course whose lesson c5 is a cmi5 package at an outside address, and an enrolled learner.</summary>
    private static async Task<(string CourseId, string LearnerId)> OutsideCourseAsync(HttpClient admin, string contentUrl)
    {
        var courseId = Payloads.NewId("course");
        var course = Payloads.Course(courseId);
        var lesson = Payloads.Lesson("c5", "cmi5", []);
        lesson["contentUrl"] = contentUrl;
        course["modules"]![0]!["lessons"] = new JsonArray(lesson);
        var created = await admin.PostAsJsonAsync("/api/courses", course);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        (await admin.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var learnerId = Payloads.NewId("learner");
        (await admin.PostAsJsonAsync("/api/learners", Payloads.Learner(learnerId))).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId })).EnsureSuccessStatusCode();
        return (courseId, learnerId);
    }

    private static readonly (string Name, string Text)[] Files =
    [
        ("index.html", "<!doctype html><html><head><script src=\"js/app.js\"></script></head><body><img src=\"img/logo.svg\"></body></html>"),
        ("js/app.js", "document.title = 'cmi5 AU';"),
        ("img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
    ];

    /// <summary>The launch page and its relative assets load through the path token, without any credential, with content types and the content CSP.</summary>
    private async Task AssertPackageServedAsync(Uri launchUrl)
    {
        using var anonymous = fixture.Platform.Client(admin: false);
        using var page = await anonymous.GetAsync(Local(launchUrl.ToString()));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Files[0].Text, await page.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(page.Headers.Contains("X-Frame-Options"));
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self' http://127.0.0.1:5081", csp, StringComparison.Ordinal);
        Assert.True(page.Headers.CacheControl!.Private);
        Assert.InRange(page.Headers.CacheControl.MaxAge!.Value.TotalSeconds, 1, 14_400);
        Assert.NotNull(page.Headers.ETag);

        // Relative links in the page resolve under the same signed path.
        var script = new Uri(launchUrl, "js/app.js");
        using var js = await anonymous.GetAsync(Local(script.ToString()));
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.Equal("text/javascript", js.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Files[1].Text, await js.Content.ReadAsStringAsync());
        using var svg = await anonymous.GetAsync(Local(new Uri(script, "../img/logo.svg").ToString()));
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);

        // A browser's revalidation with the ETag answers 304.
        using var again = new HttpRequestMessage(HttpMethod.Get, Local(script.ToString()));
        again.Headers.IfNoneMatch.Add(js.Headers.ETag!);
        using var notModified = await anonymous.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    /// <summary>The fetch URL names the public base URL; the test's API listens elsewhere, so only path and query are kept.</summary>
    private static Uri Local(string absolute) => new(new Uri(absolute).PathAndQuery, UriKind.Relative);

    /// <summary>The specification's simple course structure (v1/examples/simple-cmi5.xml) with a moveOn and a mastery score.</summary>
    private static byte[] Package(string moveOn, string? auUrl = null, params (string Name, string Text)[] files)
    {
        var xml = Xml(moveOn, auUrl);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files.Prepend(("cmi5.xml", xml)))
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    private static string Xml(string moveOn, string? auUrl) => $"""
            <?xml version="1.0" encoding="utf-8"?>
            <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
              <course id="{CourseXmlId}">
                <title><langstring lang="en-US">Introduction to Geology</langstring></title>
                <description><langstring lang="en-US">The basics of geology.</langstring></description>
              </course>
              <au id="{AuId}" moveOn="{moveOn}" masteryScore="0.8" launchMethod="AnyWindow">
                <title><langstring lang="en-US">Introduction to Geology</langstring></title>
                <description><langstring lang="en-US">The basics of geology.</langstring></description>
                <url>{System.Security.SecurityElement.Escape(auUrl ?? AuId + "/launch.html")}</url>
              </au>
            </courseStructure>
            """;

    /// <summary>A published course whose only required lesson, c5, is a cmi5 package, and an enrolled learner.</summary>
    private static async Task<(string CourseId, string LearnerId)> Cmi5CourseAsync(HttpClient admin, string moveOn, byte[]? package = null)
    {
        var courseId = Payloads.NewId("course");
        var course = Payloads.Course(courseId);
        var lesson = Payloads.Lesson("c5", "cmi5", []);
        lesson.Remove("contentUrl");
        course["modules"]![0]!["lessons"] = new JsonArray(lesson);
        (await admin.PostAsJsonAsync("/api/courses", course)).EnsureSuccessStatusCode();
        (await admin.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();

        lesson["mediaId"] = await UploadAsync(admin, courseId, package ?? Package(moveOn));
        var put = await admin.PutAsJsonAsync($"/api/courses/{courseId}", course);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var learnerId = Payloads.NewId("learner");
        (await admin.PostAsJsonAsync("/api/learners", Payloads.Learner(learnerId))).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId })).EnsureSuccessStatusCode();
        return (courseId, learnerId);
    }

    private static async Task<string> UploadAsync(HttpClient admin, string courseId, byte[] package)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(package);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "file", "geology-cmi5.zip");
        var uploaded = await admin.PostAsync(new Uri($"/api/courses/{courseId}/media", UriKind.Relative), form);
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        return (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<HttpClient> LearnerClient(string learnerId)
    {
        using var anonymous = fixture.Platform.Client(admin: false);
        var token = await anonymous.PostAsJsonAsync("/api/auth/token", new JsonObject { ["username"] = learnerId, ["password"] = "correct horse battery" });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = fixture.Platform.Client(admin: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
