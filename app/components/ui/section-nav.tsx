import { NavLink } from "@remix-run/react";

export type NavSection = { to: string; label: string; end: boolean };

/**
 * A workspace's menu (studio, admin): pills that wrap onto a second line on a narrow phone, so
 * every section stays in sight; the current one is dark. Left off the paper when printing.
 */
export function SectionNav({ label, sections }: { label: string; sections: NavSection[] }) {
  return (
    <nav aria-label={label} className="border-b border-line print:hidden">
      <ul className="flex flex-wrap gap-1 pb-2">
        {sections.map((section) => (
          <li key={section.to}>
            <NavLink
              to={section.to}
              end={section.end}
              prefetch="intent"
              className={({ isActive }) =>
                `inline-flex min-h-11 items-center rounded-full px-3 font-medium whitespace-nowrap ${
                  isActive ? "bg-ink text-paper" : "hover:bg-linen hover:text-copper-700"
                }`
              }
            >
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
