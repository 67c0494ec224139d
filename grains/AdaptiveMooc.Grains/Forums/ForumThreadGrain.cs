using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Forums;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace AdaptiveMooc.Grains.Forums;

/// <summary>
/// One thread. Every command runs one at a time on the activation, so sequence numbers have no gaps and
/// a post is stored, counted and announced in that order. State is bounded (fields and counters);
/// posts, votes and reports are rows of <see cref="IForumStore"/>.
/// </summary>
[GrainType("forum-thread")]
internal sealed class ForumThreadGrain(
    [PersistentState("forumThread", StorageNames.Default)] IPersistentState<ForumThreadState> state,
    IForumStore store,
    ILearningStatementSink statements,
    TimeProvider clock,
    ILogger<ForumThreadGrain> logger) : Grain, IForumThreadGrain
{
    private static readonly TimeSpan ObserverLease = TimeSpan.FromMinutes(5);

    private readonly ObserverManager<IForumThreadObserver> observers = new(ObserverLease, logger);
    private string courseId = string.Empty;
    private Guid threadId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (courseId, threadId) = ForumKeys.ParseThread(this.GetPrimaryKeyString());
        if (state.State.Exists)
        {
            // A post appended just before a crash that lost the state write must not have its sequence
            // handed out again.
            var stored = await store.MaxSequenceAsync(threadId);
            if (stored > state.State.LastSequence)
            {
                state.State.LastSequence = stored;
                state.State.LastActivityAt = clock.GetUtcNow();
                await state.WriteStateAsync(cancellationToken);
                await store.SaveThreadAsync(View());
            }
        }
    }

    public async Task<ForumResult<ForumThreadView>> StartAsync(StartThreadCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (state.State.Exists)
        {
            return ForumResult<ForumThreadView>.Fail(ForumOutcome.AlreadyExists);
        }

        var now = clock.GetUtcNow();
        var opening = new ForumPostView(
            courseId, threadId, command.OpeningPostId, 1, command.AuthorId, command.Body, null, now, 0, false, command.AuthorRole);
        await EmitCommentedAsync(opening, command.Title);
        await store.AppendPostAsync(opening);

        state.State.Exists = true;
        state.State.Title = command.Title;
        state.State.Body = command.Body;
        state.State.Tags = [.. command.Tags];
        state.State.AuthorId = command.AuthorId;
        state.State.AuthorRole = command.AuthorRole;
        state.State.CreatedAt = now;
        state.State.LastActivityAt = now;
        state.State.OpeningPostId = command.OpeningPostId;
        state.State.LastSequence = 1;
        await state.WriteStateAsync();
        var view = View();
        await store.SaveThreadAsync(view);
        return ForumResult<ForumThreadView>.Ok(view);
    }

    public Task<ForumThreadView?> GetAsync() => Task.FromResult(state.State.Exists ? View() : null);

    public async Task<ForumPostPage> GetPostsAsync(long afterSequence, int limit, bool includeHidden)
    {
        if (!state.State.Exists)
        {
            return new ForumPostPage([], null);
        }

        var rows = await store.ReadPostsAsync(threadId, afterSequence, limit + 1, includeHidden);
        if (rows.Count > limit)
        {
            var page = rows.Take(limit).ToList();
            return new ForumPostPage(page, page[^1].Sequence);
        }

        return new ForumPostPage(rows, null);
    }

    public async Task<ForumPostView?> GetPostAsync(Guid postId) =>
        state.State.Exists ? await store.FindPostAsync(threadId, postId) : null;

    public async Task<long?> FindSequenceAsync(Guid postId)
    {
        var post = state.State.Exists ? await store.FindPostAsync(threadId, postId) : null;
        return post?.Sequence;
    }

    public async Task<ForumResult<ForumPostView>> AddPostAsync(AddPostCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!state.State.Exists)
        {
            return ForumResult<ForumPostView>.Fail(ForumOutcome.NotFound);
        }

        var existing = await store.FindPostAsync(threadId, command.PostId);
        if (existing is not null)
        {
            return ForumResult<ForumPostView>.Ok(existing);
        }

        if (state.State.Locked)
        {
            return ForumResult<ForumPostView>.Fail(ForumOutcome.Locked);
        }

        if (command.ReplyTo is { } replyTo && await store.FindPostAsync(threadId, replyTo) is null)
        {
            return ForumResult<ForumPostView>.Fail(ForumOutcome.ReplyToNotFound);
        }

        var now = clock.GetUtcNow();
        var post = new ForumPostView(
            courseId, threadId, command.PostId, state.State.LastSequence + 1, command.AuthorId, command.Body,
            command.ReplyTo, now, 0, false, command.AuthorRole);

        // Statement first: it is keyed by the post id, so if storing the post fails a retry re-emits the
        // same statement (a no-op) and never leaves a post without its learning event.
        await EmitCommentedAsync(post, state.State.Title);
        await store.AppendPostAsync(post);
        state.State.LastSequence = post.Sequence;
        state.State.LastActivityAt = now;
        await state.WriteStateAsync();
        await store.SaveThreadAsync(View());
        await observers.Notify(o => o.OnPostAsync(post));
        await NotifyRepliedAsync(post, command.ReplyTo is { } to ? await store.FindPostAsync(threadId, to) : null);
        return ForumResult<ForumPostView>.Ok(post);
    }

    public async Task<ForumResult<ForumPostView>> VoteAsync(Guid postId, string voterId, int value)
    {
        if (!state.State.Exists)
        {
            return ForumResult<ForumPostView>.Fail(ForumOutcome.NotFound);
        }

        var post = await store.FindPostAsync(threadId, postId);
        if (post is null || post.Hidden)
        {
            return ForumResult<ForumPostView>.Fail(ForumOutcome.PostNotFound);
        }

        var voted = await store.AddVoteAsync(threadId, postId, voterId, value, clock.GetUtcNow());
        return voted is null
            ? ForumResult<ForumPostView>.Fail(ForumOutcome.AlreadyVoted)
            : ForumResult<ForumPostView>.Ok(voted);
    }

    public async Task<ForumResult<ForumReportView>> ReportAsync(Guid postId, string reporterId, string reason)
    {
        if (!state.State.Exists)
        {
            return ForumResult<ForumReportView>.Fail(ForumOutcome.NotFound);
        }

        if (await store.FindPostAsync(threadId, postId) is null)
        {
            return ForumResult<ForumReportView>.Fail(ForumOutcome.PostNotFound);
        }

        var report = new ForumReportView(Guid.NewGuid(), courseId, threadId, postId, reporterId, reason, clock.GetUtcNow(), false);
        return await store.AddReportAsync(report)
            ? ForumResult<ForumReportView>.Ok(report)
            : ForumResult<ForumReportView>.Fail(ForumOutcome.AlreadyReported);
    }

    public async Task<ForumResult<ForumThreadView>> AcceptAsync(Guid postId, string callerId, string callerRole, bool callerIsModerator)
    {
        if (!state.State.Exists)
        {
            return ForumResult<ForumThreadView>.Fail(ForumOutcome.NotFound);
        }

        // Threads opened before the author's kind was kept: the opening post holds it.
        if (state.State.AuthorRole.Length == 0 && await store.FindPostAsync(threadId, state.State.OpeningPostId) is { } opening)
        {
            state.State.AuthorRole = opening.AuthorRole;
        }

        // The same id may name a learner and a trainer: the author is the account of that kind only.
        var isAuthor = string.Equals(callerId, state.State.AuthorId, StringComparison.Ordinal)
            && string.Equals(callerRole, state.State.AuthorRole, StringComparison.Ordinal);
        if (!callerIsModerator && !isAuthor)
        {
            return ForumResult<ForumThreadView>.Fail(ForumOutcome.NotAllowed);
        }

        // The opening post is the question, not an answer to it.
        if (postId == state.State.OpeningPostId || await store.FindPostAsync(threadId, postId) is null)
        {
            return ForumResult<ForumThreadView>.Fail(ForumOutcome.PostNotFound);
        }

        if (state.State.AcceptedPostId != postId)
        {
            state.State.AcceptedPostId = postId;
            await state.WriteStateAsync();
            await store.SaveThreadAsync(View());
        }

        return ForumResult<ForumThreadView>.Ok(View());
    }

    public async Task<ForumResult<ForumThreadView>> ModerateAsync(ModerationAction action)
    {
        if (!state.State.Exists)
        {
            return ForumResult<ForumThreadView>.Fail(ForumOutcome.NotFound);
        }

        switch (action)
        {
            case ModerationAction.Pin: state.State.Pinned = true; break;
            case ModerationAction.Unpin: state.State.Pinned = false; break;
            case ModerationAction.Lock: state.State.Locked = true; break;
            case ModerationAction.Unlock: state.State.Locked = false; break;
            case ModerationAction.Hide: state.State.Hidden = true; break;
            case ModerationAction.Unhide: state.State.Hidden = false; break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown moderation action.");
        }

        await state.WriteStateAsync();
        var view = View();
        await store.SaveThreadAsync(view);
        return ForumResult<ForumThreadView>.Ok(view);
    }

    public async Task<ForumResult<ForumPostView>> ModeratePostAsync(Guid postId, bool hidden)
    {
        if (!state.State.Exists)
        {
            return ForumResult<ForumPostView>.Fail(ForumOutcome.NotFound);
        }

        var post = await store.SetPostHiddenAsync(threadId, postId, hidden);
        return post is null ? ForumResult<ForumPostView>.Fail(ForumOutcome.PostNotFound) : ForumResult<ForumPostView>.Ok(post);
    }

    public Task SubscribeAsync(IForumThreadObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IForumThreadObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task NeutraliseAuthorAsync(string authorId)
    {
        await store.NeutralisePostsAsync(threadId, authorId, ForumRoles.DeletedAuthor);
        if (state.State.Exists && string.Equals(state.State.AuthorId, authorId, StringComparison.Ordinal))
        {
            state.State.AuthorId = ForumRoles.DeletedAuthor;
            await state.WriteStateAsync();
        }

        if (state.State.Exists)
        {
            await store.SaveThreadAsync(View());
        }
    }

    /// <summary>The learner replied to (the post's author, else the thread's) hears of it in their inbox and by mail.</summary>
    private async Task NotifyRepliedAsync(ForumPostView post, ForumPostView? repliedTo)
    {
        try
        {
            await NotifyRepliedCoreAsync(post, repliedTo);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The reply is stored and acknowledged either way: a notice that cannot be raised does not undo it.
            System.Diagnostics.Trace.TraceWarning($"forum: notifying the reply {post.PostId} failed: {e.Message}");
        }
    }

    private async Task NotifyRepliedCoreAsync(ForumPostView post, ForumPostView? repliedTo)
    {
        var (recipient, role) = repliedTo is null ? (state.State.AuthorId, (string?)null) : (repliedTo.AuthorId, repliedTo.AuthorRole);
        if (string.Equals(recipient, post.AuthorId, StringComparison.Ordinal) || (role is not null && role != ForumRoles.Learner)
            || await GrainFactory.GetGrain<Abstractions.Learners.ILearnerGrain>(recipient).GetAccount() is null)
        {
            return;
        }

        await GrainFactory.GetGrain<Abstractions.Notifications.INotificationInboxGrain>(recipient).Add(new Abstractions.Notifications.LearnerNotification(
            $"forum-reply:{post.PostId:N}", "forum-reply", courseId, $"{post.AuthorId} replied in \"{state.State.Title}\".", post.CreatedAt, null));
    }

    private Task EmitCommentedAsync(ForumPostView post, string threadTitle) =>
        post.AuthorRole != ForumRoles.Learner
            ? Task.CompletedTask
            : statements.EmitAsync(new LearningStatement(
                post.PostId,
                post.AuthorId,
                "http://adlnet.gov/expapi/verbs/commented",
                courseId,
                $"courses/{courseId}/forum/posts/{post.PostId:D}",
                threadTitle,
                post.CreatedAt));

    private ForumThreadView View() => new(
        courseId, threadId, state.State.Title, state.State.Body, state.State.Tags, state.State.AuthorId,
        state.State.CreatedAt, state.State.LastActivityAt, state.State.OpeningPostId,
        (int)Math.Max(0, state.State.LastSequence - 1), state.State.AcceptedPostId,
        state.State.Pinned, state.State.Locked, state.State.Hidden);
}
