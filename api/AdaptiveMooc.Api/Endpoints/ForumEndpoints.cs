using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Forums;
using Microsoft.AspNetCore.Mvc;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// The forum of a course (docs/API.md "Forums, webinars, certificates"): threads, posts, votes, reports,
/// accepted answers, moderation, the reports queue and live updates as server-sent events.
/// </summary>
public static class ForumEndpoints
{
    private static readonly TimeSpan WatchRenewal = TimeSpan.FromMinutes(1);

    public static IEndpointRouteBuilder MapForumEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var forum = app.MapGroup("/api/courses/{courseId}/forum").WithTags("Forum");
        forum.MapGet("/threads", ListThreads).WithName("ListForumThreads");
        forum.MapPost("/threads", StartThread).WithName("StartForumThread");
        forum.MapGet("/threads/{threadId:guid}", GetThread).WithName("GetForumThread");
        forum.MapPost("/threads/{threadId:guid}/posts", AddPost).WithName("AddForumPost");
        forum.MapGet("/threads/{threadId:guid}/posts/{postId:guid}", GetPost).WithName("GetForumPost");
        forum.MapPost("/threads/{threadId:guid}/posts/{postId:guid}/votes", Vote).WithName("VoteForumPost");
        forum.MapPost("/threads/{threadId:guid}/posts/{postId:guid}/reports", Report).WithName("ReportForumPost");
        forum.MapPost("/threads/{threadId:guid}/posts/{postId:guid}/moderation", ModeratePost).WithName("ModerateForumPost");
        forum.MapPost("/threads/{threadId:guid}/accepted", Accept).WithName("AcceptForumAnswer");
        forum.MapPost("/threads/{threadId:guid}/moderation", Moderate).WithName("ModerateForumThread");
        forum.MapGet("/threads/{threadId:guid}/events", Events).WithName("WatchForumThread");
        forum.MapGet("/reports", ListReports).WithName("ListForumReports");
        return app;
    }

    public sealed record NewThreadRequest(string? Title, string? Body, IReadOnlyList<string?>? Tags);

    public sealed record NewPostRequest(string? Body, string? ReplyTo);

    public sealed record VoteRequest(int? Value);

    public sealed record ReportRequest(string? Reason);

    public sealed record AcceptRequest(string? PostId);

    public sealed record ModerationRequest(string? Action);

    public sealed record ThreadResponse(
        Guid Id, string CourseId, string Title, string Body, IReadOnlyList<string> Tags, string AuthorId,
        DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, Guid OpeningPostId, int ReplyCount,
        bool Answered, Guid? AcceptedPostId, bool Pinned, bool Locked, bool Hidden);

    public sealed record ThreadDetailResponse(ThreadResponse Thread, Page<PostResponse> Posts);

    public sealed record PostResponse(
        Guid Id, Guid ThreadId, long Sequence, string AuthorId, string AuthorRole, string Body, Guid? ReplyTo,
        DateTimeOffset CreatedAt, int Score, bool Hidden);

    public sealed record ReportResponse(
        Guid Id, Guid ThreadId, Guid PostId, string ReporterId, string Reason, DateTimeOffset CreatedAt, bool Resolved);

    private static async Task<IResult> ListThreads(
        string courseId, HttpContext context, IGrainFactory grains,
        int? limit, string? after, string? q, string? tag, bool? unanswered)
    {
        var access = await SocialAccess.CheckAsync(grains, context.Caller(), courseId);
        if (!access.CanUse)
        {
            return access.Denied(courseId);
        }

        if (!Paging.TryLimit(limit, out var size, out var problem))
        {
            return problem!;
        }

        if (after is not null && !ForumCursor.TryDecode(after, out _))
        {
            return Problems.BadRequest("after is not a cursor this listing returned.", "after");
        }

        if (q is { Length: > 200 })
        {
            return Problems.BadRequest("q must be at most 200 characters.", "q");
        }

        if (tag is not null && !IsTag(tag))
        {
            return Problems.BadRequest($"tag must be 1-{ForumLimits.TagMaxLength} of [a-z0-9-].", "tag");
        }

        var query = new ForumThreadQuery(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), tag, unanswered ?? false, access.CanModerate, after, size);
        var page = await grains.ByKey<IForumGrain>(courseId).ListThreadsAsync(query);
        return TypedResults.Ok(new Page<ThreadResponse>([.. page.Items.Select(ToResponse)], page.Next));
    }

    private static async Task<IResult> StartThread(string courseId, NewThreadRequest? request, HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var access = await SocialAccess.CheckAsync(grains, caller, courseId);
        if (!access.CanUse)
        {
            return access.Denied(courseId);
        }

        if (request is null)
        {
            return Problems.BadRequest("A JSON body {title, body, tags?} is required.", "body");
        }

        if (!RequiredText.TryRead(request.Title, "title", ForumLimits.TitleMaxLength, out var title, out var problem)
            || !RequiredText.TryRead(request.Body, "body", ForumLimits.BodyMaxLength, out var body, out problem))
        {
            return problem!;
        }

        var tags = request.Tags ?? [];
        if (tags.Count > ForumLimits.MaxTags)
        {
            return Problems.BadRequest($"tags holds at most {ForumLimits.MaxTags} tags.", "tags");
        }

        if (tags.Any(t => t is null || !IsTag(t)))
        {
            return Problems.BadRequest($"Every tag must be 1-{ForumLimits.TagMaxLength} of [a-z0-9-].", "tags");
        }

        var threadId = Guid.NewGuid();
        var command = new StartThreadCommand(caller.Id, title, body, [.. tags.Distinct(StringComparer.Ordinal)!], Guid.NewGuid(), RoleOf(caller));
        var result = await Thread(grains, courseId, threadId).StartAsync(command);
        if (!result.IsOk)
        {
            return Problems.Conflict($"Thread {threadId} already exists.");
        }

        return TypedResults.Created($"/api/courses/{courseId}/forum/threads/{threadId:D}", ToResponse(result.Value!));
    }

    private static async Task<IResult> GetThread(
        string courseId, Guid threadId, HttpContext context, IGrainFactory grains, int? limit, string? after)
    {
        var (access, thread, denied) = await VisibleThreadAsync(grains, context.Caller(), courseId, threadId);
        if (denied is not null)
        {
            return denied;
        }

        if (!Paging.TryLimit(limit, out var size, out var problem))
        {
            return problem!;
        }

        long afterSequence = 0;
        if (after is not null && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterSequence) || afterSequence < 0))
        {
            return Problems.BadRequest("after is not a cursor this listing returned.", "after");
        }

        var posts = await Thread(grains, courseId, threadId).GetPostsAsync(afterSequence, size, access.CanModerate);
        var next = posts.NextAfter?.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(new ThreadDetailResponse(ToResponse(thread!), new Page<PostResponse>([.. posts.Items.Select(ToResponse)], next)));
    }

    private static async Task<IResult> GetPost(string courseId, Guid threadId, Guid postId, HttpContext context, IGrainFactory grains)
    {
        var (access, _, denied) = await VisibleThreadAsync(grains, context.Caller(), courseId, threadId);
        if (denied is not null)
        {
            return denied;
        }

        var post = await Thread(grains, courseId, threadId).GetPostAsync(postId);
        return post is null || (post.Hidden && !access.CanModerate)
            ? Problems.NotFound($"Post {postId} does not exist in thread {threadId}.")
            : TypedResults.Ok(ToResponse(post));
    }

    private static async Task<IResult> AddPost(
        string courseId, Guid threadId, NewPostRequest? request, HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var (_, _, denied) = await VisibleThreadAsync(grains, caller, courseId, threadId);
        if (denied is not null)
        {
            return denied;
        }

        if (request is null)
        {
            return Problems.BadRequest("A JSON body {body, replyTo?} is required.", "body");
        }

        if (!RequiredText.TryRead(request.Body, "body", ForumLimits.BodyMaxLength, out var body, out var problem))
        {
            return problem!;
        }

        Guid? replyTo = null;
        if (request.ReplyTo is not null)
        {
            if (!Guid.TryParse(request.ReplyTo, out var parsed))
            {
                return Problems.BadRequest("replyTo must be the id (a UUID) of a post of this thread.", "replyTo");
            }

            replyTo = parsed;
        }

        var postId = Guid.NewGuid();
        var result = await Thread(grains, courseId, threadId).AddPostAsync(new AddPostCommand(postId, caller.Id, body, replyTo, RoleOf(caller)));
        return result.Outcome switch
        {
            ForumOutcome.Ok => TypedResults.Created($"/api/courses/{courseId}/forum/threads/{threadId:D}/posts/{postId:D}", ToResponse(result.Value!)),
            ForumOutcome.Locked => Problems.Conflict($"Thread {threadId} is locked: it takes no new posts."),
            ForumOutcome.ReplyToNotFound => Problems.BadRequest($"replyTo {replyTo} is not a post of thread {threadId}.", "replyTo"),
            _ => Problems.NotFound($"Thread {threadId} does not exist in the forum of course '{courseId}'."),
        };
    }

    private static async Task<IResult> Vote(
        string courseId, Guid threadId, Guid postId, VoteRequest? request, HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var (_, _, denied) = await VisibleThreadAsync(grains, caller, courseId, threadId);
        if (denied is not null)
        {
            return denied;
        }

        if (request?.Value is not (1 or -1))
        {
            return Problems.BadRequest("value must be 1 (up) or -1 (down).", "value");
        }

        var result = await Thread(grains, courseId, threadId).VoteAsync(postId, caller.Id, request.Value.Value);
        return result.Outcome switch
        {
            ForumOutcome.Ok => TypedResults.Ok(ToResponse(result.Value!)),
            ForumOutcome.AlreadyVoted => Problems.Conflict($"You have already voted on post {postId}: one vote per person."),
            _ => Problems.NotFound($"Post {postId} does not exist in thread {threadId}."),
        };
    }

    private static async Task<IResult> Report(
        string courseId, Guid threadId, Guid postId, ReportRequest? request, HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var (_, _, denied) = await VisibleThreadAsync(grains, caller, courseId, threadId);
        if (denied is not null)
        {
            return denied;
        }

        if (!RequiredText.TryRead(request?.Reason, "reason", ForumLimits.ReasonMaxLength, out var reason, out var problem))
        {
            return problem!;
        }

        var result = await Thread(grains, courseId, threadId).ReportAsync(postId, caller.Id, reason);
        return result.Outcome switch
        {
            ForumOutcome.Ok => TypedResults.Created($"/api/courses/{courseId}/forum/reports?includeResolved=true", ToResponse(result.Value!)),
            ForumOutcome.AlreadyReported => Problems.Conflict($"You have already reported post {postId}."),
            _ => Problems.NotFound($"Post {postId} does not exist in thread {threadId}."),
        };
    }

    private static async Task<IResult> Accept(
        string courseId, Guid threadId, AcceptRequest? request, HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        var (access, _, denied) = await VisibleThreadAsync(grains, caller, courseId, threadId);
        if (denied is not null)
        {
            return denied;
        }

        if (!Guid.TryParse(request?.PostId, out var postId))
        {
            return Problems.BadRequest("postId must be the id (a UUID) of a reply in this thread.", "postId");
        }

        var result = await Thread(grains, courseId, threadId).AcceptAsync(postId, caller.Id, RoleOf(caller), access.CanModerate);
        return result.Outcome switch
        {
            ForumOutcome.Ok => TypedResults.Ok(ToResponse(result.Value!)),
            ForumOutcome.NotAllowed => Problems.Forbidden("Only the thread's author or the course's trainers may accept an answer."),
            ForumOutcome.PostNotFound => Problems.BadRequest($"postId {postId} is not a reply in thread {threadId}.", "postId"),
            _ => Problems.NotFound($"Thread {threadId} does not exist in the forum of course '{courseId}'."),
        };
    }

    private static async Task<IResult> Moderate(
        string courseId, Guid threadId, ModerationRequest? request, HttpContext context, IGrainFactory grains)
    {
        var access = await SocialAccess.CheckAsync(grains, context.Caller(), courseId);
        if (!access.CanModerate)
        {
            return access.CanUse ? SocialAccess.NotModerator(courseId) : access.Denied(courseId);
        }

        ModerationAction? action = request?.Action switch
        {
            "pin" => ModerationAction.Pin,
            "unpin" => ModerationAction.Unpin,
            "lock" => ModerationAction.Lock,
            "unlock" => ModerationAction.Unlock,
            "hide" => ModerationAction.Hide,
            "unhide" => ModerationAction.Unhide,
            _ => null,
        };
        if (action is null)
        {
            return Problems.BadRequest("action must be one of pin, unpin, lock, unlock, hide, unhide.", "action");
        }

        var result = await Thread(grains, courseId, threadId).ModerateAsync(action.Value);
        return result.IsOk
            ? TypedResults.Ok(ToResponse(result.Value!))
            : Problems.NotFound($"Thread {threadId} does not exist in the forum of course '{courseId}'.");
    }

    private static async Task<IResult> ModeratePost(
        string courseId, Guid threadId, Guid postId, ModerationRequest? request, HttpContext context, IGrainFactory grains)
    {
        var access = await SocialAccess.CheckAsync(grains, context.Caller(), courseId);
        if (!access.CanModerate)
        {
            return access.CanUse ? SocialAccess.NotModerator(courseId) : access.Denied(courseId);
        }

        if (request?.Action is not ("hide" or "unhide"))
        {
            return Problems.BadRequest("action must be hide or unhide.", "action");
        }

        var result = await Thread(grains, courseId, threadId).ModeratePostAsync(postId, request.Action == "hide");
        return result.IsOk
            ? TypedResults.Ok(ToResponse(result.Value!))
            : Problems.NotFound($"Post {postId} does not exist in thread {threadId}.");
    }

    private static async Task<IResult> ListReports(
        string courseId, HttpContext context, IGrainFactory grains, int? limit, string? after, bool? includeResolved)
    {
        var access = await SocialAccess.CheckAsync(grains, context.Caller(), courseId);
        if (!access.CanModerate)
        {
            return access.CanUse ? SocialAccess.NotModerator(courseId) : access.Denied(courseId);
        }

        if (!Paging.TryLimit(limit, out var size, out var problem))
        {
            return problem!;
        }

        if (after is not null && !ForumCursor.TryDecode(after, out _))
        {
            return Problems.BadRequest("after is not a cursor this listing returned.", "after");
        }

        var page = await grains.ByKey<IForumGrain>(courseId).ListReportsAsync(includeResolved ?? false, after, size);
        return TypedResults.Ok(new Page<ReportResponse>([.. page.Items.Select(ToResponse)], page.Next));
    }

    /// <summary>
    /// Server-sent events of new posts. Resumes after the post named by <c>Last-Event-ID</c> (or the
    /// <c>lastEventId</c> query parameter, for a first connection): the watcher subscribes first, then
    /// replays what the store holds after that post, then forwards live posts, skipping any it already
    /// sent and filling any gap from the store, so nothing is lost or repeated across reconnects.
    /// </summary>
    private static async Task<IResult> Events(
        string courseId, Guid threadId, HttpContext context, IGrainFactory grains, LiveConnectionLimiter live,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventIdHeader, string? lastEventId)
    {
        var (access, thread, denied) = await VisibleThreadAsync(grains, context.Caller(), courseId, threadId);
        if (denied is not null)
        {
            return denied;
        }

        var grain = Thread(grains, courseId, threadId);
        var resumeFrom = lastEventIdHeader ?? lastEventId;
        long afterSequence;
        if (string.IsNullOrEmpty(resumeFrom))
        {
            afterSequence = thread!.ReplyCount + 1;
        }
        else if (!Guid.TryParse(resumeFrom, out var postId) || await grain.FindSequenceAsync(postId) is not { } sequence)
        {
            return Problems.BadRequest($"Last-Event-ID '{resumeFrom}' is not a post of thread {threadId}.", "Last-Event-ID");
        }
        else
        {
            afterSequence = sequence;
        }

        // Last, so only a stream that is about to start holds a place (released when its response ends).
        if (live.Enter(context, context.Caller()) is { } tooMany)
        {
            return tooMany;
        }

        return TypedResults.ServerSentEvents(Watch(grains, grain, afterSequence, access.CanModerate, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<PostResponse>> Watch(
        IGrainFactory grains, IForumThreadGrain grain, long afterSequence, bool includeHidden,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var watcher = new ThreadWatcher();
        var reference = grains.CreateObjectReference<IForumThreadObserver>(watcher);
        try
        {
            await grain.SubscribeAsync(reference);
            var sent = afterSequence;
            while (!cancellationToken.IsCancellationRequested)
            {
                // Replay whatever the store holds beyond what was sent: the backlog on connect, and any
                // gap a lost notification left.
                ForumPostPage page;
                do
                {
                    page = await grain.GetPostsAsync(sent, Paging.MaxLimit, includeHidden: true);
                    foreach (var post in page.Items)
                    {
                        sent = post.Sequence;
                        if (includeHidden || !post.Hidden)
                        {
                            yield return Item(post);
                        }
                    }
                }
                while (page.NextAfter is not null);

                var live = await watcher.NextAsync(WatchRenewal, cancellationToken);
                if (live is null)
                {
                    await grain.SubscribeAsync(reference);
                    continue;
                }

                if (live.Sequence == sent + 1)
                {
                    sent = live.Sequence;
                    if (includeHidden || !live.Hidden)
                    {
                        yield return Item(live);
                    }
                }
            }
        }
        finally
        {
            try
            {
                await grain.UnsubscribeAsync(reference);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The subscription lapses by itself after its lease; a failed unsubscribe loses nothing.
            }

            grains.DeleteObjectReference<IForumThreadObserver>(reference);
        }
    }

    private static SseItem<PostResponse> Item(ForumPostView post) =>
        new(ToResponse(post), "post") { EventId = post.PostId.ToString("D") };

    /// <summary>The thread when the caller may see it: enrolled/teaching, and hidden threads only for moderators.</summary>
    private static async Task<(SocialAccess Access, ForumThreadView? Thread, IResult? Denied)> VisibleThreadAsync(
        IGrainFactory grains, Caller caller, string courseId, Guid threadId)
    {
        var access = await SocialAccess.CheckAsync(grains, caller, courseId);
        if (!access.CanUse)
        {
            return (access, null, access.Denied(courseId));
        }

        var thread = await Thread(grains, courseId, threadId).GetAsync();
        return thread is null || (thread.Hidden && !access.CanModerate)
            ? (access, null, Problems.NotFound($"Thread {threadId} does not exist in the forum of course '{courseId}'."))
            : (access, thread, null);
    }

    private static IForumThreadGrain Thread(IGrainFactory grains, string courseId, Guid threadId) =>
        grains.ByKey<IForumThreadGrain>(ForumKeys.Thread(courseId, threadId));

    private static string RoleOf(Caller caller) =>
        caller.IsAdmin ? ForumRoles.Admin : caller.IsTrainer ? ForumRoles.Trainer : ForumRoles.Learner;

    private static bool IsTag(string tag) => tag.Length <= ForumLimits.TagMaxLength && Ids.IsValid(tag);

    private static ThreadResponse ToResponse(ForumThreadView t) => new(
        t.ThreadId, t.CourseId, t.Title, t.Body, t.Tags, t.AuthorId, t.CreatedAt, t.LastActivityAt, t.OpeningPostId,
        t.ReplyCount, t.ReplyCount > 0, t.AcceptedPostId, t.Pinned, t.Locked, t.Hidden);

    private static PostResponse ToResponse(ForumPostView p) => new(
        p.PostId, p.ThreadId, p.Sequence, p.AuthorId, p.AuthorRole, p.Body, p.ReplyTo, p.CreatedAt, p.Score, p.Hidden);

    private static ReportResponse ToResponse(ForumReportView r) => new(
        r.ReportId, r.ThreadId, r.PostId, r.ReporterId, r.Reason, r.CreatedAt, r.Resolved);

    /// <summary>Receives the thread grain's notifications for one SSE connection.</summary>
    private sealed class ThreadWatcher : IForumThreadObserver
    {
        private readonly Channel<ForumPostView> posts = Channel.CreateBounded<ForumPostView>(
            new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropOldest });

        public Task OnPostAsync(ForumPostView post)
        {
            // Dropping under a flood is safe: the gap is refilled from the store.
            posts.Writer.TryWrite(post);
            return Task.CompletedTask;
        }

        /// <summary>The next live post, or null when <paramref name="wait"/> passes without one.</summary>
        public async Task<ForumPostView?> NextAsync(TimeSpan wait, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(wait);
            try
            {
                return await posts.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }
}
