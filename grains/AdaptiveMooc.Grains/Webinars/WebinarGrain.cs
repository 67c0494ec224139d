using System.Security.Cryptography;
using System.Text;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Notifications;
using AdaptiveMooc.Grains.Abstractions.Webinars;
using AdaptiveMooc.Grains.Forums;

namespace AdaptiveMooc.Grains.Webinars;

/// <summary>
/// One webinar. Registrations are decided here one call at a time: the count the grain holds is the
/// number of rows in the store (read on activation, then kept in step), so the capacity holds exactly
/// however many requests arrive together, and a registration row is the single source of truth.
/// </summary>
[GrainType("webinar")]
internal sealed class WebinarGrain(
    [PersistentState("webinar", StorageNames.Default)] IPersistentState<WebinarState> state,
    IWebinarStore store,
    ILearningStatementSink statements,
    TimeProvider clock) : Grain, IWebinarGrain, IRemindable
{
    /// <summary>How long before the start registered learners get the "webinar starting" notification and mail.</summary>
    public static readonly TimeSpan StartingNoticeLead = TimeSpan.FromMinutes(30);

    private const string StartingReminder = "webinar-starting";

    private string courseId = string.Empty;
    private Guid webinarId;
    private int registered;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (courseId, webinarId) = WebinarKeys.Parse(this.GetPrimaryKeyString());
        registered = state.State.Exists ? await store.CountRegistrationsAsync(webinarId) : 0;
    }

    public async Task<WebinarResult> ScheduleAsync(WebinarDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (state.State.Exists)
        {
            return new WebinarResult(WebinarOutcome.AlreadyExists, View());
        }

        state.State.Exists = true;
        state.State.Title = definition.Title;
        state.State.Start = definition.Start;
        state.State.Minutes = definition.Minutes;
        state.State.Capacity = definition.Capacity;
        state.State.JoinUrl = definition.JoinUrl;
        state.State.CreatedBy = definition.CreatedBy;
        state.State.CreatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        await store.SaveWebinarAsync(View());

        // A durable reminder (the reminders table) at the notice time: a silo restart in between does not lose it.
        var due = state.State.Start - StartingNoticeLead - clock.GetUtcNow();
        await this.RegisterOrUpdateReminder(StartingReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, TimeSpan.FromMinutes(1));
        return new WebinarResult(WebinarOutcome.Ok, View());
    }

    /// <summary>
    /// The notice time: every registered learner's inbox gets the notification (one id per webinar, so a repeated
    /// tick after a crash adds nothing), and the inbox queues its mail in the durable outbox, under the learner's
    /// mail preferences (category <c>webinars</c>). The reminder ends once every learner has it, or the webinar ended.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != StartingReminder)
        {
            return;
        }

        if (state.State.Exists && clock.GetUtcNow() < End)
        {
            state.State.StartingNoticeSent = true;
            foreach (var registration in await store.ListRegistrationsAsync(webinarId))
            {
                await NotifyStartingAsync(registration.LearnerId);
            }

            await state.WriteStateAsync();
        }

        if (await this.GetReminder(StartingReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private Task NotifyStartingAsync(string learnerId) =>
        GrainFactory.ByKey<INotificationInboxGrain>(learnerId).Add(new LearnerNotification(
            $"webinar-starting:{webinarId:D}",
            "webinar-starting",
            courseId,
            $"\"{state.State.Title}\" starts at {state.State.Start.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({state.State.Minutes} min). Join: {state.State.JoinUrl}",
            clock.GetUtcNow(),
            state.State.Start));

    public Task<WebinarView?> GetAsync() => Task.FromResult(state.State.Exists ? View() : null);

    public async Task<WebinarResult> RegisterAsync(string learnerId)
    {
        if (!state.State.Exists)
        {
            return new WebinarResult(WebinarOutcome.NotFound, null);
        }

        // "Already registered" wins over "full": it is the more useful answer to a learner who retries.
        if (await store.IsRegisteredAsync(webinarId, learnerId))
        {
            return new WebinarResult(WebinarOutcome.AlreadyRegistered, View());
        }

        var now = clock.GetUtcNow();
        if (now >= End)
        {
            return new WebinarResult(WebinarOutcome.Ended, View());
        }

        if (registered >= state.State.Capacity)
        {
            return new WebinarResult(WebinarOutcome.Full, View());
        }

        if (!await store.TryRegisterAsync(courseId, webinarId, learnerId, now))
        {
            return new WebinarResult(WebinarOutcome.AlreadyRegistered, View());
        }

        registered++;
        await store.SaveWebinarAsync(View());

        // Registered inside the notice window (after the reminder ran, or a webinar scheduled at short notice): told at once.
        if (now >= state.State.Start - StartingNoticeLead)
        {
            await NotifyStartingAsync(learnerId);
        }

        return new WebinarResult(WebinarOutcome.Ok, View());
    }

    public async Task<IReadOnlyList<WebinarRegistrationView>?> ListRegistrationsAsync() =>
        state.State.Exists ? await store.ListRegistrationsAsync(webinarId) : null;

    public Task<bool> IsRegisteredAsync(string learnerId) =>
        state.State.Exists ? store.IsRegisteredAsync(webinarId, learnerId) : Task.FromResult(false);

    public async Task<WebinarResult> RecordAttendanceAsync(string learnerId)
    {
        if (!state.State.Exists)
        {
            return new WebinarResult(WebinarOutcome.NotFound, null);
        }

        if (clock.GetUtcNow() < state.State.Start)
        {
            return new WebinarResult(WebinarOutcome.NotStarted, View());
        }

        if (!await store.IsRegisteredAsync(webinarId, learnerId))
        {
            return new WebinarResult(WebinarOutcome.NotRegistered, View());
        }

        await statements.EmitAsync(new LearningStatement(
            AttendanceStatementId(webinarId, learnerId),
            learnerId,
            "http://adlnet.gov/expapi/verbs/attended",
            courseId,
            $"courses/{courseId}/webinars/{webinarId:D}",
            state.State.Title,
            state.State.Start));
        await store.MarkAttendedAsync(webinarId, learnerId, clock.GetUtcNow());
        return new WebinarResult(WebinarOutcome.Ok, View());
    }

    /// <summary>A name-based UUID (version 5 layout over SHA-256) of (webinar, learner): one statement per attendance.</summary>
    internal static Guid AttendanceStatementId(Guid webinarId, string learnerId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"mooc:webinar-attended:{webinarId:D}:{learnerId}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private DateTimeOffset End => state.State.Start.AddMinutes(state.State.Minutes);

    private WebinarView View() => new(
        courseId, webinarId, state.State.Title, state.State.Start, state.State.Minutes, state.State.Capacity,
        state.State.JoinUrl!, registered, state.State.CreatedBy, state.State.CreatedAt);
}
