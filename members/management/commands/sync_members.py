"""``manage.py sync_members``: run daily (cron) to keep the members' group in step with valid memberships."""

from django.core.management.base import BaseCommand

from members.access import MEMBERS_GROUP, sync_members


class Command(BaseCommand):
    help = (
        "Met dans le groupe « Adhérents » les personnes des organisations dont l'adhésion est valide aujourd'hui "
        "et en retire les autres. À lancer chaque jour (cron) ; affiche ce qui a changé."
    )

    def handle(self, *args, **options):
        added, removed = sync_members()
        for user in added:
            self.stdout.write(f"+ {user.get_username()} ({user.email}) ajouté au groupe « {MEMBERS_GROUP} »")
        for user in removed:
            self.stdout.write(f"- {user.get_username()} ({user.email}) retiré du groupe « {MEMBERS_GROUP} »")
        self.stdout.write(f"{len(added)} ajout(s), {len(removed)} retrait(s).")
