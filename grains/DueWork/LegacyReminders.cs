namespace OrderGrid.DueWork;

/// <summary>
/// Reminders registered before wake-up times were stored with the state (<see cref="Common.IHasDueTime"/>). A grain
/// that still receives one writes its state (which records the wake-up time where the due-work scanner finds it) and
/// only then unregisters the reminder, so the work waits on one of the two at every moment.
/// </summary>
internal static class LegacyReminders
{
    public static async Task Retire(this Grain grain, string reminderName)
    {
        if (await grain.GetReminder(reminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}