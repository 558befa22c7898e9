import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { logError } from "~/lib/log.server";
import { addDaysToKey, lastHoldDay, wibClock } from "~/operator/counter-days";
import {
  notifyBuyer,
  pickupNotice,
  pickupNoticeSelect,
  type PickupNoticeOrder,
} from "~/orders/buyer-messages.server";

/** Reminders go out from this time of day (WIB), not in the night before. */
export const REMINDERS_FROM_MINUTE = 8 * 60;

type Reminder =
  | { template: "order.pickup_tomorrow"; order: PickupNoticeOrder; lastDay: string }
  | { template: "order.hold_ends_tomorrow"; order: PickupNoticeOrder; lastDay: string };

const dayDate = (dayKey: string) => new Date(`${dayKey}T00:00:00Z`);
const dayKeyOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The buyer reminders of the day `now` falls on (WIB), each written to the outbox once — its key
 * is `${template}:${orderId}:${day}`, the day being tomorrow — however often this runs and in
 * however many processes:
 * - the day before pickup, for orders on their way or already waiting (IN_TRANSIT,
 *   READY_FOR_PICKUP) whose pickup day is tomorrow;
 * - the day before the hold runs out, for waiting parcels whose last hold day is tomorrow (unless
 *   that is also their pickup day: the first reminder already says so).
 * Nothing is sent before REMINDERS_FROM_MINUTE; a reminder missed then goes out on the next run.
 * Returns how many reminders this run wrote (a run at the same moment may count the same one).
 */
export async function enqueueReminders(
  now: Date = new Date(),
): Promise<{ pickupTomorrow: number; holdEndsTomorrow: number }> {
  const clock = wibClock(now);
  const written = { pickupTomorrow: 0, holdEndsTomorrow: 0 };
  if (clock.minute < REMINDERS_FROM_MINUTE) return written;
  const today = clock.dayKey;
  const tomorrow = addDaysToKey(today, 1);

  const [arriving, waiting] = await Promise.all([
    prisma.order.findMany({
      where: {
        status: { in: ["IN_TRANSIT", "READY_FOR_PICKUP"] },
        pickupDate: dayDate(tomorrow),
      },
      select: pickupNoticeSelect,
    }),
    prisma.order.findMany({
      where: {
        status: "READY_FOR_PICKUP",
        // A hold is a few days; a parcel waiting longer than two months is long overdue.
        pickupDate: { gte: dayDate(addDaysToKey(today, -60)), lte: dayDate(today) },
      },
      select: pickupNoticeSelect,
    }),
  ]);
  const reminders: Reminder[] = [
    ...arriving.map((order) => ({
      template: "order.pickup_tomorrow" as const,
      order,
      lastDay: lastHoldDay(tomorrow, order.restArea.holdDays),
    })),
    ...waiting.flatMap((order) => {
      const lastDay = lastHoldDay(dayKeyOf(order.pickupDate), order.restArea.holdDays);
      return lastDay === tomorrow
        ? [{ template: "order.hold_ends_tomorrow" as const, order, lastDay }]
        : [];
    }),
  ].filter((reminder) => reminder.order.buyerPhone || reminder.order.buyerEmail);
  if (reminders.length === 0) return written;

  // Most runs find every reminder written already: look first, write only the missing ones.
  const keyOf = (reminder: Reminder) => `${reminder.template}:${reminder.order.id}:${tomorrow}`;
  const existing = new Set(
    (
      await prisma.notification.findMany({
        where: { idempotencyKey: { in: reminders.map(keyOf) } },
        select: { idempotencyKey: true },
      })
    ).map((row) => row.idempotencyKey),
  );
  for (const reminder of reminders) {
    if (existing.has(keyOf(reminder))) continue;
    try {
      await writeReminder(reminder, tomorrow);
      if (reminder.template === "order.pickup_tomorrow") written.pickupTomorrow += 1;
      else written.holdEndsTomorrow += 1;
    } catch (error) {
      // Another process wrote it in the meantime: it exists, which is all that matters.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      logError(error, { message: "Could not write a reminder", orderId: reminder.order.id });
    }
  }
  return written;
}

async function writeReminder(reminder: Reminder, tomorrow: string): Promise<void> {
  const { order } = reminder;
  const { pickupDay, window, hours, ...common } = pickupNotice(order);
  if (reminder.template === "order.pickup_tomorrow") {
    await notifyBuyer(prisma, order, "order.pickup_tomorrow", tomorrow, {
      ...common,
      pickupDay,
      window,
    });
    return;
  }
  await notifyBuyer(prisma, order, "order.hold_ends_tomorrow", tomorrow, { ...common, hours });
}
