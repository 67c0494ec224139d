using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Content;

/// <summary>
/// Lesson content, media and course versions over real HTTP, with a real silo on PostgreSQL: uploads with their
/// limits and type checks, range requests through signed links, who may see a course's content, the player's
/// video statements, and a new course version keeping progress.
/// </summary>
[Collection(ContentCollection.Name)]
public sealed class ContentHttpTests(ContentFixture fixture)
{
    private const string Password = "correct horse battery";
    private const string VideoVerbs = "https://w3id.org/xapi/video/verbs/";
    private const string Progress = "https://w3id.org/xapi/video/extensions/progress";

    [Fact]
    public async Task Uploads_are_typed_from_their_bytes_and_bounded_per_file_and_per_course()
    {
        var world = await WorldAsync();
        // Larger than the 4 MiB every other route is held to: the upload route's own limit applies.
        var first = MediaTestFiles.Mp4(4_500_000);

        using (var created = await UploadAsync(world.Trainer, world.CourseId, first, "lecture.mp4"))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await created.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first)), body.GetProperty("id").GetString());
            Assert.Equal("video/mp4", body.GetProperty("contentType").GetString());
            Assert.Equal("lecture.mp4", body.GetProperty("fileName").GetString());
        }

        using (var again = await UploadAsync(world.Trainer, world.CourseId, first, "copy.mp4"))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        using (var executable = await UploadAsync(world.Trainer, world.CourseId, MediaTestFiles.Elf(5000), "lecture.mp4"))
        {
            await Problem.AssertAsync(executable, HttpStatusCode.BadRequest, "ELF executable");
        }

        using (var script = await UploadAsync(world.Trainer, world.CourseId, MediaTestFiles.Script(5000), "notes.pdf"))
        {
            await Problem.AssertAsync(script, HttpStatusCode.BadRequest, "script");
        }

        using (var tooLarge = await UploadAsync(world.Trainer, world.CourseId, MediaTestFiles.Pdf((int)ContentFixture.MaxFileBytes + 1), "big.pdf"))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        }

        using (var second = await UploadAsync(world.Trainer, world.CourseId, MediaTestFiles.Pdf(2_400_000), "notes.pdf"))
        {
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        }

        using (var overCourse = await UploadAsync(world.Trainer, world.CourseId, MediaTestFiles.Png(200_000), "figure.png"))
        {
            await Problem.AssertAsync(overCourse, HttpStatusCode.Forbidden, "at most 7000000 bytes");
        }

        using (var notMultipart = await world.Trainer.PostAsJsonAsync($"/api/courses/{world.CourseId}/media", new { file = "x" }))
        {
            await Problem.AssertAsync(notMultipart, HttpStatusCode.BadRequest, "multipart/form-data");
        }

        using (var learner = await UploadAsync(world.Learner, world.CourseId, MediaTestFiles.Png(1000), "figure.png"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, learner.StatusCode);
        }

        var list = await world.Trainer.GetFromJsonAsync<JsonElement>($"/api/courses/{world.CourseId}/media");
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());
        Assert.Equal(6_900_000, list.GetProperty("usedBytes").GetInt64());
    }

    [Fact]
    public async Task Enrolled_learners_read_sanitised_content_and_stream_media_with_ranges_through_signed_links()
    {
        var world = await WorldAsync();
        var video = MediaTestFiles.Mp4(100_000);
        string mediaId;
        using (var created = await UploadAsync(world.Trainer, world.CourseId, video, "lecture.mp4"))
        {
            mediaId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        var course = Payloads.Course(world.CourseId);
        var lessons = course["modules"]![0]!["lessons"]!.AsArray();
        lessons[0]!["mediaId"] = mediaId;
        lessons[2]!["body"] = "# Reading\n\nSafe *text*.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))";
        Assert.Equal(HttpStatusCode.OK, (await world.Trainer.PutAsJsonAsync($"/api/courses/{world.CourseId}", course)).StatusCode);

        var reading = await world.Learner.GetFromJsonAsync<JsonElement>($"/api/courses/{world.CourseId}/lessons/l3/content");
        var html = reading.GetProperty("html").GetString()!;
        Assert.Contains("<em>text</em>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);

        // The course as any signed-in caller reads it carries no bodies; its trainers see them.
        var asOutsider = await world.Outsider.GetFromJsonAsync<JsonElement>($"/api/courses/{world.CourseId}");
        Assert.False(asOutsider.GetProperty("modules")[0].GetProperty("lessons")[2].TryGetProperty("body", out var hidden) && hidden.ValueKind == JsonValueKind.String);

        var lesson = await world.Learner.GetFromJsonAsync<JsonElement>($"/api/courses/{world.CourseId}/lessons/l1/content");
        var path = lesson.GetProperty("media").GetProperty("path").GetString()!;
        Assert.Equal("video/mp4", lesson.GetProperty("media").GetProperty("contentType").GetString());

        using var anonymous = fixture.Platform.Client(admin: false);
        using (var whole = await anonymous.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal("video/mp4", whole.Content.Headers.ContentType!.MediaType);
            Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
            Assert.Equal($"\"{mediaId}\"", whole.Headers.ETag!.Tag);
            Assert.True(whole.Headers.CacheControl!.Private);
            Assert.InRange(whole.Headers.CacheControl.MaxAge!.Value.TotalSeconds, 1, 900);
            Assert.Equal(video, await whole.Content.ReadAsByteArrayAsync());
        }

        using (var range = new HttpRequestMessage(HttpMethod.Get, path))
        {
            range.Headers.Range = new RangeHeaderValue(1000, 1999);
            using var partial = await anonymous.SendAsync(range);
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal("bytes 1000-1999/100000", partial.Content.Headers.ContentRange!.ToString());
            Assert.Equal(video[1000..2000], await partial.Content.ReadAsByteArrayAsync());
        }

        using (var stillSame = new HttpRequestMessage(HttpMethod.Get, path))
        {
            stillSame.Headers.Range = new RangeHeaderValue(99_000, null);
            stillSame.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue($"\"{mediaId}\""));
            using var partial = await anonymous.SendAsync(stillSame);
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal(1000, (await partial.Content.ReadAsByteArrayAsync()).Length);
        }

        using (var changed = new HttpRequestMessage(HttpMethod.Get, path))
        {
            changed.Headers.Range = new RangeHeaderValue(99_000, null);
            changed.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"something-else\""));
            using var full = await anonymous.SendAsync(changed);
            Assert.Equal(HttpStatusCode.OK, full.StatusCode);
            Assert.Equal(video.Length, (await full.Content.ReadAsByteArrayAsync()).Length);
        }

        using (var tampered = await anonymous.GetAsync(path.Replace("&s=", "&s=x", StringComparison.Ordinal)))
        {
            await Problem.AssertAsync(tampered, HttpStatusCode.Forbidden, "signature");
        }

        var later = path.Replace("&e=", "&e=1", StringComparison.Ordinal);
        using (var extended = await anonymous.GetAsync(later))
        {
            await Problem.AssertAsync(extended, HttpStatusCode.Forbidden, "signature");
        }

        using (var unsigned = await anonymous.GetAsync(path[..path.IndexOf('?', StringComparison.Ordinal)]))
        {
            await Problem.AssertAsync(unsigned, HttpStatusCode.Forbidden, "signed link");
        }

        using (var expired = await anonymous.GetAsync(ExpiredCopy(path)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        }
    }

    [Fact]
    public async Task Only_enrolled_learners_trainers_and_admins_see_a_courses_content()
    {
        var world = await WorldAsync();
        string mediaId;
        using (var created = await UploadAsync(world.Trainer, world.CourseId, MediaTestFiles.Pdf(3000), "notes.pdf"))
        {
            mediaId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        foreach (var allowed in new[] { world.Learner, world.Trainer, fixture.Platform.Client() })
        {
            Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync($"/api/courses/{world.CourseId}/lessons/l1/content")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync($"/api/courses/{world.CourseId}/media/{mediaId}/link")).StatusCode);
        }

        await Problem.AssertAsync(await world.Outsider.GetAsync($"/api/courses/{world.CourseId}/lessons/l1/content"), HttpStatusCode.Forbidden, "enrolled");
        await Problem.AssertAsync(await world.Outsider.GetAsync($"/api/courses/{world.CourseId}/media/{mediaId}/link"), HttpStatusCode.Forbidden, "enrolled");
        await Problem.AssertAsync(await world.OtherTrainer.GetAsync($"/api/courses/{world.CourseId}/media/{mediaId}/link"), HttpStatusCode.Forbidden, "enrolled");
        using var anonymous = fixture.Platform.Client(admin: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/courses/{world.CourseId}/media/{mediaId}/link")).StatusCode);

        // A learner who withdraws loses access.
        Assert.True((await world.Learner.PostAsJsonAsync($"/api/learners/{world.LearnerId}/enrollments/{world.CourseId}/withdrawal", new { })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Learner.GetAsync($"/api/courses/{world.CourseId}/lessons/l1/content")).StatusCode);
    }

    [Fact]
    public async Task Video_player_statements_complete_a_lesson_only_from_nine_tenths_watched()
    {
        var world = await WorldAsync();
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);

        using (var watching = await PostAsync(world, [
            Video(world, "played", at, 0.0, "PT0S"),
            Video(world, "seeked", at.AddSeconds(30), 0.3, null),
            Video(world, "paused", at.AddMinutes(2), 0.5, "PT2M"),
            Video(world, "http://adlnet.gov/expapi/verbs/completed", at.AddMinutes(3), 0.6, null, fullVerb: true),
        ]))
        {
            Assert.Equal(HttpStatusCode.OK, watching.StatusCode);
        }

        var early = await world.Learner.GetFromJsonAsync<JsonElement>($"/api/learners/{world.LearnerId}/courses/{world.CourseId}/progress");
        Assert.DoesNotContain("l1", Ids(early.GetProperty("completedLessons")));
        Assert.Contains("l1", Ids(early.GetProperty("startedLessons")));
        Assert.Equal(2, early.GetProperty("minutesSpent").GetDouble());

        using (var outOfRange = await PostAsync(world, [Video(world, "paused", at.AddMinutes(4), 1.5, null)]))
        {
            await Problem.AssertAsync(outOfRange, HttpStatusCode.BadRequest, "progress");
        }

        using (var done = await PostAsync(world, [Video(world, "http://adlnet.gov/expapi/verbs/completed", at.AddMinutes(5), 0.95, "PT3M", fullVerb: true)]))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        var after = await world.Learner.GetFromJsonAsync<JsonElement>($"/api/learners/{world.LearnerId}/courses/{world.CourseId}/progress");
        Assert.Contains("l1", Ids(after.GetProperty("completedLessons")));
        Assert.Equal(5, after.GetProperty("minutesSpent").GetDouble());
    }

    [Fact]
    public async Task A_new_course_version_keeps_progress_and_a_removed_required_lesson_no_longer_blocks_the_certificate()
    {
        var world = await WorldAsync();
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        using (var posted = await PostAsync(world, [
            Payloads.Statement(world.LearnerId, world.CourseId, "l1", "completed", at),
            Payloads.Statement(world.LearnerId, world.CourseId, "l3", "experienced", at.AddMinutes(1), duration: "PT7M"),
        ]))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var blocked = await (await world.Learner.PostAsync(new Uri($"/api/learners/{world.LearnerId}/courses/{world.CourseId}/certificate", UriKind.Relative), null))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(blocked.GetProperty("eligible").GetBoolean());

        // Version 2 as a draft: l2 (the required quiz) removed, l1 renamed. Learners keep version 1 until it is published.
        var v2 = Payloads.Course(world.CourseId);
        var lessons = v2["modules"]![0]!["lessons"]!.AsArray();
        lessons.RemoveAt(1);
        lessons[0]!["title"] = "Time value, revised";
        var draft = await world.Trainer.PutAsJsonAsync($"/api/courses/{world.CourseId}/draft", v2);
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var draftBody = await draft.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 1, true), (draftBody.GetProperty("version").GetInt32(), draftBody.GetProperty("publishedVersion").GetInt32(), draftBody.GetProperty("hasDraft").GetBoolean()));
        var seen = await world.Learner.GetFromJsonAsync<JsonElement>($"/api/courses/{world.CourseId}");
        Assert.Equal(3, seen.GetProperty("lessonCount").GetInt32());
        await Problem.AssertAsync(await world.Learner.GetAsync($"/api/courses/{world.CourseId}/draft"), HttpStatusCode.Forbidden, world.CourseId);

        Assert.Equal(HttpStatusCode.OK, (await world.Trainer.PostAsync(new Uri($"/api/courses/{world.CourseId}/publish", UriKind.Relative), null)).StatusCode);
        var published = await world.Learner.GetFromJsonAsync<JsonElement>($"/api/courses/{world.CourseId}");
        Assert.Equal((2, 2), (published.GetProperty("publishedVersion").GetInt32(), published.GetProperty("lessonCount").GetInt32()));

        var v1 = await world.Trainer.GetFromJsonAsync<JsonElement>($"/api/courses/{world.CourseId}/versions/1");
        Assert.Equal(3, v1.GetProperty("course").GetProperty("modules")[0].GetProperty("lessons").GetArrayLength());
        Assert.False(v1.GetProperty("current").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await world.Trainer.GetAsync($"/api/courses/{world.CourseId}/versions/3")).StatusCode);

        var evaluation = await (await world.Learner.PostAsync(new Uri($"/api/learners/{world.LearnerId}/courses/{world.CourseId}/certificate", UriKind.Relative), null))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(evaluation.GetProperty("eligible").GetBoolean(), evaluation.ToString());

        var progress = await world.Learner.GetFromJsonAsync<JsonElement>($"/api/learners/{world.LearnerId}/courses/{world.CourseId}/progress");
        Assert.Contains("l1", Ids(progress.GetProperty("completedLessons")));
        Assert.Equal(7, progress.GetProperty("minutesSpent").GetDouble());
    }

    private static string[] Ids(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static string ExpiredCopy(string path)
    {
        // A link whose expiry is in the past fails on its signature too; either way it is refused.
        var start = path.IndexOf("&e=", StringComparison.Ordinal) + 3;
        var end = path.IndexOf('&', start);
        return path[..start] + "1000000000" + path[end..];
    }

    private static JsonObject Video(World world, string verb, DateTimeOffset at, double progress, string? duration, bool fullVerb = false)
    {
        var result = new JsonObject { ["extensions"] = new JsonObject { [Progress] = progress } };
        if (duration is not null)
        {
            result["duration"] = duration;
        }

        return new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["actor"] = new JsonObject { ["account"] = new JsonObject { ["homePage"] = Payloads.Base, ["name"] = world.LearnerId } },
            ["verb"] = new JsonObject { ["id"] = fullVerb ? verb : VideoVerbs + verb },
            ["object"] = new JsonObject { ["id"] = $"{Payloads.Base}/courses/{world.CourseId}/lessons/l1" },
            ["timestamp"] = at.ToString("O"),
            ["result"] = result,
        };
    }

    private static Task<HttpResponseMessage> PostAsync(World world, JsonObject[] statements) =>
        world.Learner.PostAsJsonAsync("/xapi/statements", new JsonArray([.. statements]));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string courseId, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync(new Uri($"/api/courses/{courseId}/media", UriKind.Relative), form);
    }

    /// <summary>A published course (the payload course: l1 video, l2 quiz, l3 reading) with a trainer, an enrolled learner, an outsider learner and another trainer.</summary>
    private async Task<World> WorldAsync()
    {
        using var admin = fixture.Platform.Client();
        var trainerId = Payloads.NewId("trainer")[..30];
        var otherTrainerId = Payloads.NewId("trainer")[..30];
        foreach (var id in new[] { trainerId, otherTrainerId })
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/trainers", new { id, name = "Trainer", email = $"{id}@example.org", password = Password })).StatusCode);
        }

        var trainer = await SignedInAsync(trainerId);
        var courseId = Payloads.NewId("course")[..30];
        Assert.Equal(HttpStatusCode.Created, (await trainer.PostAsJsonAsync("/api/courses", Payloads.Course(courseId))).StatusCode);
        await Payloads.BankAsync(trainer, courseId, Payloads.Course(courseId));
        Assert.Equal(HttpStatusCode.OK, (await trainer.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null)).StatusCode);

        var learnerId = Payloads.NewId("learner")[..30];
        var outsiderId = Payloads.NewId("learner")[..30];
        foreach (var id in new[] { learnerId, outsiderId })
        {
            using var anonymous = fixture.Platform.Client(admin: false);
            Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/learners", Payloads.Learner(id))).StatusCode);
        }

        var learner = await SignedInAsync(learnerId);
        Assert.Equal(HttpStatusCode.Created, (await learner.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new { courseId })).StatusCode);
        return new World(courseId, learnerId, trainer, learner, await SignedInAsync(outsiderId), await SignedInAsync(otherTrainerId));
    }

    private async Task<HttpClient> SignedInAsync(string username)
    {
        var client = fixture.Platform.Client(admin: false);
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record World(string CourseId, string LearnerId, HttpClient Trainer, HttpClient Learner, HttpClient Outsider, HttpClient OtherTrainer);
}
