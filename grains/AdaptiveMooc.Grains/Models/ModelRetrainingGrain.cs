using AdaptiveMooc.Grains.Abstractions.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Models;

/// <summary>
/// The retraining loop's schedule and front door (key 0): a reminder every
/// <see cref="ModelRetrainingOptions.IntervalHours"/> starts a run; admins start runs, read the registry
/// and roll back through it. The run itself is the silo's <see cref="ModelRetrainingService"/>, off the
/// grain scheduler; its lease, not this activation, keeps one run at a time across silos.
/// </summary>
[GrainType("model-retraining")]
internal sealed class ModelRetrainingGrain(
    ModelRetrainingService service, IOptions<ModelRetrainingOptions> options, ILogger<ModelRetrainingGrain> logger) : Grain, IModelRetrainingGrain, IRemindable
{
    /// <summary>Reminder names carry the period (<c>model-retraining-10080m</c>), so a changed interval replaces the reminder.</summary>
    public const string ReminderPrefix = "model-retraining-";

    public Task<RetrainingStart> Start(RetrainingRequest request) => service.TryStartAsync(request);

    public Task<ModelRegistryView> GetRegistry(int limit) => service.ReadAsync(Math.Clamp(limit, 1, 100));

    public Task<ModelRollback> Rollback(string requestedBy) => service.RollbackAsync(requestedBy);

    public async Task EnsureSchedule()
    {
        var settings = options.Value;
        var period = TimeSpan.FromMinutes(Math.Max(1, Math.Round(settings.IntervalHours * 60)));
        var wanted = settings.Enabled && service.Registry is not null ? ReminderPrefix + (long)period.TotalMinutes + "m" : null;
        foreach (var reminder in await this.GetReminders())
        {
            if (reminder.ReminderName.StartsWith(ReminderPrefix, StringComparison.Ordinal) && reminder.ReminderName != wanted)
            {
                await this.UnregisterReminder(reminder);
                logger.LogInformation("Retraining: schedule {Reminder} removed", reminder.ReminderName);
            }
        }

        if (wanted is not null && await this.GetReminder(wanted) is null)
        {
            await this.RegisterOrUpdateReminder(wanted, period, period);
            logger.LogInformation("Retraining: scheduled every {Period}", period);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!reminderName.StartsWith(ReminderPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var started = await service.TryStartAsync(new RetrainingRequest(RetrainingRequest.Scheduled, "schedule", false, null));
        if (!started.Started)
        {
            logger.LogInformation("Retraining: scheduled run not started: {Reason}", started.Reason);
        }
    }
}
