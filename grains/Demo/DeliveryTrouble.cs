namespace OrderGrid.Demo;

/// <summary>Whether the carrier fails to deliver a simulated order at first, and whether it then recovers.</summary>
internal enum DeliveryTrouble
{
    None,

    /// <summary>A failed delivery attempt, then back to the depot and out again.</summary>
    Recovers,

    /// <summary>A failed delivery attempt that the simulator leaves for staff to sort out.</summary>
    Stays,
}