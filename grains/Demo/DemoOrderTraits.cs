namespace OrderGrid.Demo;

/// <summary>How a simulated order's story goes, drawn when it is placed.</summary>
/// <param name="ApprovedByStaff">Approved after a while when a rule holds it for review; otherwise left for people.</param>
/// <param name="ExtraScans">Hub scans in transit after the first one.</param>
internal sealed record DemoOrderTraits(bool ApprovedByStaff, int ExtraScans, DeliveryTrouble Trouble, string Carrier);